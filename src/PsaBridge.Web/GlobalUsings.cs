// Every endpoint and page declares its policy, so these two are in every file.
global using Microsoft.AspNetCore.Authorization;
global using PsaBridge.Web.Security;
