using System.Globalization;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace PsaBridge.Web.FinanceOData;

/// <summary>A <c>$filter</c> the service refuses, with F&amp;O's reason.</summary>
public sealed class FilterException(string message) : Exception(message);

/// <summary>
/// F&amp;O's <c>$filter</c> as a LINQ predicate over an entity: <c>eq ne gt ge lt le and or not</c> and parentheses; a
/// <c>*</c> inside a string compared with <c>eq</c> is a wildcard (F&amp;O has no <c>contains</c>); enum literals
/// <c>Microsoft.Dynamics.DataEntities.Type'Value'</c>; <c>in</c> and <c>has</c> are refused as F&amp;O refuses them.
/// Properties resolve through the entity set's map, so the predicate runs in the database.
/// </summary>
public static class ODataFilter
{
    /// <param name="wildcards">False for a read by key: F&amp;O matches a key exactly, <c>*</c> included.</param>
    public static Expression<Func<T, bool>> Parse<T>(string text, Func<string, ParameterExpression, Expression?> property, bool wildcards = true)
    {
        var parameter = Expression.Parameter(typeof(T), "e");
        var parser = new Parser(Tokenize(text), wildcards, name => property(name, parameter) ?? throw new FilterException(
            $"Could not find a property named '{name}' on type 'Microsoft.Dynamics.DataEntities'."));
        var body = parser.Or();
        if (!parser.AtEnd) throw new FilterException($"Syntax error at position {parser.Position} in '{text}'.");
        return Expression.Lambda<Func<T, bool>>(body, parameter);
    }

    private enum Kind { Name, Text, Number, Enum, Open, Close, Comma, End }

    private sealed record Token(Kind Kind, string Text, int Position);

    private static List<Token> Tokenize(string s)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < s.Length)
        {
            var c = s[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            var start = i;
            if (c is '(' or ')' or ',') { tokens.Add(new(c == '(' ? Kind.Open : c == ')' ? Kind.Close : Kind.Comma, c.ToString(), i++)); continue; }
            if (c == '\'')
            {
                tokens.Add(new(Kind.Text, ReadQuoted(s, ref i), start));
                continue;
            }
            if (char.IsDigit(c) || c == '-')
            {
                i++;
                while (i < s.Length && (char.IsLetterOrDigit(s[i]) || s[i] == '.' || s[i] == '-' || s[i] == ':')) i++;
                tokens.Add(new(Kind.Number, s[start..i], start));
                continue;
            }
            if (char.IsLetter(c) || c == '_')
            {
                while (i < s.Length && (char.IsLetterOrDigit(s[i]) || s[i] == '_' || s[i] == '.')) i++;
                if (i < s.Length && s[i] == '\'')
                {
                    // An enum literal: Namespace.Type'Value'; the value is what is compared.
                    tokens.Add(new(Kind.Enum, ReadQuoted(s, ref i), start));
                    continue;
                }
                tokens.Add(new(Kind.Name, s[start..i], start));
                continue;
            }
            throw new FilterException($"Syntax error: character '{c}' at position {i} is not valid in $filter.");
        }
        tokens.Add(new(Kind.End, "", s.Length));
        return tokens;
    }

    private static string ReadQuoted(string s, ref int i)
    {
        var text = new System.Text.StringBuilder();
        i++; // the opening quote
        while (true)
        {
            if (i >= s.Length) throw new FilterException("Syntax error: a string literal is not closed.");
            if (s[i] == '\'')
            {
                if (i + 1 < s.Length && s[i + 1] == '\'') { text.Append('\''); i += 2; continue; }
                i++;
                return text.ToString();
            }
            text.Append(s[i++]);
        }
    }

    private sealed class Parser(List<Token> tokens, bool wildcards, Func<string, Expression> property)
    {
        private int _at;
        private Token Current => tokens[_at];
        public bool AtEnd => Current.Kind == Kind.End;
        public int Position => Current.Position;

        private bool Word(string word)
        {
            if (Current.Kind != Kind.Name || !string.Equals(Current.Text, word, StringComparison.Ordinal)) return false;
            _at++;
            return true;
        }

        public Expression Or()
        {
            var left = And();
            while (Word("or")) left = Expression.OrElse(left, And());
            return left;
        }

        private Expression And()
        {
            var left = Not();
            while (Word("and")) left = Expression.AndAlso(left, Not());
            return left;
        }

        private Expression Not() => Word("not") ? Expression.Not(Not()) : Comparison();

        private Expression Comparison()
        {
            if (Current.Kind == Kind.Open)
            {
                _at++;
                var inner = Or();
                if (Current.Kind != Kind.Close) throw new FilterException($"Syntax error: ')' expected at position {Position}.");
                _at++;
                return inner;
            }
            if (Current.Kind != Kind.Name) throw new FilterException($"Syntax error: a property name expected at position {Position}.");
            var member = property(tokens[_at++].Text);
            var op = Current.Text;
            if (op is "in" or "has") throw new FilterException($"The '{op}' operator is not supported.");
            if (op is not ("eq" or "ne" or "gt" or "ge" or "lt" or "le")) throw new FilterException($"Syntax error: an operator expected at position {Position}.");
            _at++;
            var literal = tokens[_at++];
            return Compare(member, op, literal);
        }

        private Expression Compare(Expression member, string op, Token literal)
        {
            var type = member.Type;
            // dataAreaId is the served company, a constant: F&O compares it ignoring case.
            if (member is ConstantExpression { Value: string company } && literal.Kind == Kind.Text && op is "eq" or "ne")
                return Expression.Constant(string.Equals(company, literal.Text, StringComparison.OrdinalIgnoreCase) == (op == "eq"));
            if (literal.Kind == Kind.Name && literal.Text == "null")
                return op switch
                {
                    "eq" => Expression.Equal(member, Expression.Constant(null, type)),
                    "ne" => Expression.NotEqual(member, Expression.Constant(null, type)),
                    _ => throw new FilterException($"null cannot be compared with '{op}'."),
                };
            if (wildcards && type == typeof(string) && literal.Kind == Kind.Text && literal.Text.Contains('*') && op is "eq" or "ne")
            {
                var pattern = literal.Text.Replace("%", "[%]").Replace('*', '%');
                Expression like = Expression.Call(typeof(DbFunctionsExtensions), nameof(DbFunctionsExtensions.Like), Type.EmptyTypes,
                    Expression.Constant(EF.Functions), member, Parameter(pattern, typeof(string)));
                return op == "eq" ? like : Expression.Not(like);
            }
            var value = Parameter(Convert(literal, Nullable.GetUnderlyingType(type) ?? type), type);
            if (type == typeof(string))
            {
                if (op is "eq") return Expression.Equal(member, value);
                if (op is "ne") return Expression.NotEqual(member, value);
                var compare = Expression.Call(typeof(string), nameof(string.Compare), Type.EmptyTypes, member, value);
                return Relation(op, compare, Expression.Constant(0));
            }
            return Relation(op, member, value);
        }

        /// <summary>
        /// A literal as a value read from a box, which EF sends as a query parameter: the same filter with other values then
        /// reuses the compiled query instead of compiling a new one for each request.
        /// </summary>
        private static Expression Parameter(object value, Type type) =>
            Expression.Field(Expression.Constant(Activator.CreateInstance(typeof(System.Runtime.CompilerServices.StrongBox<>).MakeGenericType(type), value)),
                "Value");

        private static Expression Relation(string op, Expression left, Expression right) => op switch
        {
            "eq" => Expression.Equal(left, right),
            "ne" => Expression.NotEqual(left, right),
            "gt" => Expression.GreaterThan(left, right),
            "ge" => Expression.GreaterThanOrEqual(left, right),
            "lt" => Expression.LessThan(left, right),
            _ => Expression.LessThanOrEqual(left, right),
        };

        private static object Convert(Token literal, Type type)
        {
            try
            {
                if (type == typeof(string)) return literal.Text;
                if (type == typeof(Guid)) return Guid.Parse(literal.Text);
                if (type.IsEnum) return Enum.Parse(type, literal.Text, ignoreCase: true);
                if (type == typeof(bool)) return bool.Parse(literal.Text);
                if (type == typeof(DateTime)) return DateTime.Parse(literal.Text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);
                return System.Convert.ChangeType(literal.Text, type, CultureInfo.InvariantCulture);
            }
            catch (Exception e) when (e is FormatException or ArgumentException or OverflowException or InvalidCastException)
            {
                throw new FilterException($"'{literal.Text}' is not a valid {type.Name} literal.");
            }
        }
    }
}
