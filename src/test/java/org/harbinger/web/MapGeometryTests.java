package org.harbinger.web;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

/**
 * TopoJSON decoding (quantized, delta-encoded, shared and reversed arcs), the projection
 * and the clipping.
 */
class MapGeometryTests {

	/**
	 * Two squares that share an edge: arc 0 is the shared edge (0,0)-(0,1), arc 1 the
	 * rest of the west square, arc 2 the rest of the east one, which runs the shared edge
	 * backwards (~0).
	 */
	private static final String TWO_SQUARES = """
			{"type":"Topology","transform":{"scale":[0.5,0.25],"translate":[60,30]},
			 "objects":{"countries":{"type":"GeometryCollection","geometries":[
			   {"type":"Polygon","id":"004","properties":{"name":"West"},"arcs":[[0,1]]},
			   {"type":"MultiPolygon","id":"586","properties":{"name":"East"},"arcs":[[[2,-1]]]}]}},
			 "arcs":[[[2,0],[0,4]],[[2,4],[-2,0],[0,-4],[2,0]],[[2,0],[2,0],[0,4],[-2,0]]]}
			""";

	@Test
	void decodesQuantizedDeltaEncodedArcsJoiningSharedAndReversedOnesIntoRings() {
		List<TopoJson.Country> countries = TopoJson.countries(stream(TWO_SQUARES), "countries");

		assertThat(countries).extracting(TopoJson.Country::name).containsExactly("West", "East");
		assertThat(countries.get(0).id()).isEqualTo("004");
		// Quantized (2,0) is 60 + 2 * 0.5 = 61 E, 30 + 0 * 0.25 = 30 N; deltas add up.
		assertThat(countries.get(0).rings()).singleElement()
			.satisfies((ring) -> assertThat(ring).containsExactly(new double[] { 61, 30 }, new double[] { 61, 31 },
					new double[] { 60, 31 }, new double[] { 60, 30 }, new double[] { 61, 30 }));
		// The east square runs east then north then west, and closes down the shared edge
		// reversed.
		assertThat(countries.get(1).rings()).singleElement()
			.satisfies((ring) -> assertThat(ring).containsExactly(new double[] { 61, 30 }, new double[] { 62, 30 },
					new double[] { 62, 31 }, new double[] { 61, 31 }, new double[] { 61, 30 }));
	}

	@Test
	void aTopologyWithoutWhatWorldAtlasCarriesIsRefusedNamingTheKey() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> TopoJson.countries(stream("{\"type\":\"Topology\",\"arcs\":[]}"), "countries"))
			.withMessage("TopoJSON: missing 'transform'");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> TopoJson.countries(stream(TWO_SQUARES.replace("\"Polygon\"", "\"Point\"")), "countries"))
			.withMessageContaining("'Point' is not Polygon or MultiPolygon");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> TopoJson.countries(stream(TWO_SQUARES.replace("[[0,1]]", "[[0,7]]")), "countries"))
			.withMessage("arcs: index 7 beyond the 3 arcs");
	}

	@Test
	void theProjectionPutsTheBoxCornersAtTheCornersAndShortensLongitudeByTheMiddleLatitude() {
		MapProjection projection = new MapProjection(40, 20, 80, 40, 1000);
		double cos30 = Math.cos(Math.toRadians(30));

		assertThat(projection.project(40, 40)).isEqualTo(new MapProjection.Point(0, 0));
		assertThat(projection.project(80, 20).x()).isEqualTo(1000, within(0.1));
		assertThat(projection.height()).isEqualTo(1000 * 20 / (40 * cos30), within(0.1));
		assertThat(projection.project(80, 20).y()).isEqualTo(projection.height(), within(0.1));
		// Kabul (69.2 E, 34.5 N): east of the middle, north of it.
		MapProjection.Point kabul = projection.project(69.2, 34.5);
		assertThat(kabul.x()).isEqualTo(29.2 / 40 * 1000, within(0.1));
		assertThat(kabul.y()).isEqualTo(5.5 / 20 * projection.height(), within(0.1));
	}

	@Test
	void ringsAreClippedToTheBoxAndOnesWhollyOutsideAreLeftOut() {
		MapProjection projection = new MapProjection(0, 0, 10, 10, 100);
		// A square half across the east edge becomes the half inside, closed along the
		// edge.
		List<double[]> clipped = projection.clip(
				List.of(new double[] { 5, 2 }, new double[] { 15, 2 }, new double[] { 15, 8 }, new double[] { 5, 8 }));
		assertThat(clipped).extracting((p) -> p[0] + "," + p[1])
			.containsExactlyInAnyOrder("5.0,2.0", "10.0,2.0", "10.0,8.0", "5.0,8.0");
		String outside = projection
			.path(List.of(List.of(new double[] { 20, 2 }, new double[] { 30, 2 }, new double[] { 30, 8 })));
		assertThat(outside).isEmpty();
		assertThat(
				projection.path(List.of(List.of(new double[] { 1, 9 }, new double[] { 2, 9 }, new double[] { 2, 8 }))))
			.startsWith("M")
			.endsWith("Z")
			.contains("L");
	}

	@Test
	void pointsUnderTwoUnitsFromTheLastOneDrawnAndSpecksAreLeftOut() {
		MapProjection projection = new MapProjection(0, 0, 100, 10, 1000);
		// 10 units a degree of longitude here: a step of 0.05 degrees is half a unit.
		List<double[]> ring = new ArrayList<>();
		for (int i = 0; i <= 200; i++) {
			ring.add(new double[] { 10 + i * 0.05, 5 });
		}
		ring.add(new double[] { 20, 8 });
		String path = projection.path(List.of(ring));
		assertThat(path.split("L")).as("one point every two units along the 100-unit edge, give or take")
			.hasSizeBetween(45, 55);
		assertThat(projection
			.path(List.of(List.of(new double[] { 50, 5 }, new double[] { 50.05, 5 }, new double[] { 50.05, 5.05 }))))
			.as("an islet of a unit")
			.isEmpty();
	}

	@Test
	void theVendoredAtlasHasTheRegionsCountriesEachDrawnInTheViewsThatShowThem() {
		Map<String, TopoJson.Country> countries = RegionMap.countries()
			.stream()
			.collect(Collectors.toMap((country) -> RegionMap.acledName(country.name()), (country) -> country));

		assertThat(countries).containsKeys("Afghanistan", "Pakistan", "Iran", "Tajikistan", "Uzbekistan",
				"Turkmenistan", "Turkey", "Russia", "Germany", "Austria", "India", "Qatar", "Maldives",
				"Bosnia and Herzegovina");
		MapProjection khorasan = MapView.KHORASAN.projection();
		assertThat(khorasan.path(countries.get("Afghanistan").rings())).startsWith("M");
		assertThat(khorasan.path(countries.get("Germany").rings())).as("Germany is far west of the Khorasan view")
			.isEmpty();
		assertThat(MapView.WIDE.projection().path(countries.get("Germany").rings())).startsWith("M");
	}

	private static ByteArrayInputStream stream(String json) {
		return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
	}

}
