package org.harbinger.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the countries of a TopoJSON topology (the world-atlas package's format: one
 * GeometryCollection of Polygon and MultiPolygon countries over quantized, delta-encoded
 * arcs) into rings of longitude and latitude. Only what world-atlas uses is read;
 * anything else is refused naming the key, so a replaced file fails at start-up, not as a
 * blank map.
 */
final class TopoJson {

	/**
	 * A country: its ISO 3166-1 numeric id, its Natural Earth name, and its rings (outer
	 * rings and holes).
	 */
	record Country(String id, String name, List<List<double[]>> rings) {
	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private TopoJson() {
	}

	static List<Country> countries(InputStream in, String objectName) {
		JsonNode topology;
		try (in) {
			topology = JSON.readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("not JSON: " + ex.getOriginalMessage(), ex);
		}
		List<List<double[]>> arcs = arcs(topology);
		JsonNode geometries = required(required(required(topology, "objects"), objectName), "geometries");
		List<Country> countries = new ArrayList<>();
		for (JsonNode geometry : geometries) {
			String type = required(geometry, "type").asString();
			JsonNode polygons = switch (type) {
				case "Polygon" -> JSON.createArrayNode().add(required(geometry, "arcs"));
				case "MultiPolygon" -> required(geometry, "arcs");
				default -> throw new IllegalArgumentException(
						"objects." + objectName + ".geometries[].type: '" + type + "' is not Polygon or MultiPolygon");
			};
			List<List<double[]>> rings = new ArrayList<>();
			for (JsonNode polygon : polygons) {
				for (JsonNode ring : polygon) {
					rings.add(ring(ring, arcs));
				}
			}
			countries.add(new Country(geometry.path("id").asString(""),
					required(required(geometry, "properties"), "name").asString(), rings));
		}
		return countries;
	}

	/**
	 * Every arc as positions in degrees: each quantized position is the sum of the deltas
	 * so far, then scaled and translated.
	 */
	private static List<List<double[]>> arcs(JsonNode topology) {
		JsonNode transform = required(topology, "transform");
		JsonNode scale = required(transform, "scale");
		JsonNode translate = required(transform, "translate");
		double kx = scale.get(0).asDouble();
		double ky = scale.get(1).asDouble();
		double dx = translate.get(0).asDouble();
		double dy = translate.get(1).asDouble();
		List<List<double[]>> arcs = new ArrayList<>();
		for (JsonNode arc : required(topology, "arcs")) {
			List<double[]> positions = new ArrayList<>(arc.size());
			long x = 0;
			long y = 0;
			for (JsonNode delta : arc) {
				x += delta.get(0).asLong();
				y += delta.get(1).asLong();
				positions.add(new double[] { x * kx + dx, y * ky + dy });
			}
			arcs.add(positions);
		}
		return arcs;
	}

	/**
	 * A ring joins its arcs end to start; each arc after the first repeats the previous
	 * one's last position, which is dropped. Index {@code ~i} (a negative number) is arc
	 * i reversed.
	 */
	private static List<double[]> ring(JsonNode indexes, List<List<double[]>> arcs) {
		List<double[]> ring = new ArrayList<>();
		for (JsonNode node : indexes) {
			int index = node.asInt();
			int arcIndex = (index < 0) ? ~index : index;
			if (arcIndex >= arcs.size()) {
				throw new IllegalArgumentException("arcs: index " + index + " beyond the " + arcs.size() + " arcs");
			}
			List<double[]> arc = new ArrayList<>(arcs.get(arcIndex));
			if (index < 0) {
				Collections.reverse(arc);
			}
			ring.addAll(ring.isEmpty() ? arc : arc.subList(1, arc.size()));
		}
		return ring;
	}

	private static JsonNode required(JsonNode node, String key) {
		JsonNode value = node.get(key);
		if (value == null || value.isNull()) {
			throw new IllegalArgumentException("TopoJSON: missing '" + key + "'");
		}
		return value;
	}

}
