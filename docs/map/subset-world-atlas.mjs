// Cuts Natural Earth's countries (world-atlas 2.0.2, countries-50m.json) down to the
// countries inside the dashboard's map regions, keeping the TopoJSON format, its transform
// and the arcs the kept countries share. Regenerates src/main/resources/map/countries-50m-region.json:
//   npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
//   node docs/map/subset-world-atlas.mjs package/countries-50m.json > src/main/resources/map/countries-50m-region.json
import { readFileSync } from "node:fs";

// The widest map view (web.MapView.WIDE), in degrees: west, south, east, north.
const [west, south, east, north] = [-12, -2, 100, 64];
const topology = JSON.parse(readFileSync(process.argv[2], "utf8"));
const [kx, ky] = topology.transform.scale;
const [dx, dy] = topology.transform.translate;

// Decodes one arc's delta-encoded, quantized positions into degrees.
function arc(index) {
  let x = 0, y = 0;
  return topology.arcs[index].map(([qx, qy]) => { x += qx; y += qy; return [x * kx + dx, y * ky + dy]; });
}

function arcIndexes(geometry) {
  const rings = geometry.type === "Polygon" ? geometry.arcs : geometry.type === "MultiPolygon" ? geometry.arcs.flat() : [];
  return rings.flat();
}

function overlapsRegion(geometry) {
  return arcIndexes(geometry).some((i) => arc(i < 0 ? ~i : i).some(([lon, lat]) =>
    lon >= west && lon <= east && lat >= south && lat <= north));
}

const kept = topology.objects.countries.geometries.filter(overlapsRegion);
const renumber = new Map();
const arcs = [];
for (const geometry of kept) {
  for (const i of arcIndexes(geometry)) {
    const original = i < 0 ? ~i : i;
    if (!renumber.has(original)) { renumber.set(original, arcs.length); arcs.push(topology.arcs[original]); }
  }
}
const remap = (i) => (i < 0 ? ~renumber.get(~i) : renumber.get(i));
const geometries = kept.map((g) => ({
  type: g.type,
  id: g.id,
  properties: { name: g.properties.name },
  arcs: g.type === "Polygon" ? g.arcs.map((ring) => ring.map(remap)) : g.arcs.map((polygon) => polygon.map((ring) => ring.map(remap))),
}));
process.stdout.write(JSON.stringify({ type: "Topology", transform: topology.transform,
  objects: { countries: { type: "GeometryCollection", geometries } }, arcs }));
