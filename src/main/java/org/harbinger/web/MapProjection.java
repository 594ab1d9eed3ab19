package org.harbinger.web;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * An equirectangular projection of a box of longitude and latitude onto {@code width} SVG
 * units: x grows east, y south, and a degree of longitude is cos(middle latitude) of a
 * degree of latitude, so that shapes near the box's middle keep their proportions (at the
 * region's 23-45° N the error in shape stays under 15%). Rings are clipped to the box
 * first, so Russia costs the points inside the map, not its whole coast.
 */
record MapProjection(double west, double south, double east, double north, double width) {

	/**
	 * The least distance, in SVG units (a map is 1,000 wide), between two points of an
	 * outline.
	 */
	private static final double MIN_STEP = 2.0;

	MapProjection {
		if (!(west < east) || !(south < north) || !(width > 0)) {
			throw new IllegalArgumentException("map box: west < east, south < north and a positive width are required");
		}
	}

	/** A point in SVG units. */
	record Point(double x, double y) {
	}

	/**
	 * How much shorter a degree of longitude is than one of latitude, at the box's
	 * middle.
	 */
	private double aspect() {
		return Math.cos(Math.toRadians((this.south + this.north) / 2));
	}

	/** SVG units per degree of latitude. */
	private double scale() {
		return this.width / ((this.east - this.west) * aspect());
	}

	double height() {
		return round((this.north - this.south) * scale());
	}

	Point project(double longitude, double latitude) {
		return new Point(round((longitude - this.west) * aspect() * scale()), round((this.north - latitude) * scale()));
	}

	boolean contains(double longitude, double latitude) {
		return longitude >= this.west && longitude <= this.east && latitude >= this.south && latitude <= this.north;
	}

	/**
	 * The rings as one SVG path ("M x,y L ... Z" per ring), each clipped to the box
	 * (Sutherland-Hodgman: a ring stays a closed ring, with stretches along the box's
	 * edge where it left it); rings wholly outside are left out. Empty when nothing is
	 * inside.
	 */
	String path(List<List<double[]>> rings) {
		StringBuilder path = new StringBuilder();
		for (List<double[]> ring : rings) {
			List<double[]> clipped = clip(ring);
			if (clipped.size() < 3) {
				continue;
			}
			if (tooSmall(clipped)) {
				continue;
			}
			String separator = "M";
			Point previous = null;
			for (double[] position : clipped) {
				Point point = project(position[0], position[1]);
				// A point within two units of the last one drawn adds bytes, not shape:
				// the wide view
				// would otherwise carry every bend of Natural Earth's coasts at a tenth
				// of a pixel.
				if (previous != null
						&& Math.abs(point.x() - previous.x()) + Math.abs(point.y() - previous.y()) < MIN_STEP) {
					continue;
				}
				path.append(separator).append(point.x()).append(',').append(point.y());
				separator = "L";
				previous = point;
			}
			path.append('Z');
		}
		return path.toString();
	}

	/**
	 * A ring (an islet) whose width and height on the map add up to under two units: a
	 * speck that costs bytes and shows nothing.
	 */
	private boolean tooSmall(List<double[]> ring) {
		double minX = Double.MAX_VALUE;
		double maxX = -Double.MAX_VALUE;
		double minY = Double.MAX_VALUE;
		double maxY = -Double.MAX_VALUE;
		for (double[] position : ring) {
			Point point = project(position[0], position[1]);
			minX = Math.min(minX, point.x());
			maxX = Math.max(maxX, point.x());
			minY = Math.min(minY, point.y());
			maxY = Math.max(maxY, point.y());
		}
		return (maxX - minX) + (maxY - minY) < MIN_STEP;
	}

	List<double[]> clip(List<double[]> ring) {
		List<double[]> result = ring;
		result = clipEdge(result, (p) -> p[0] >= this.west, (p) -> p[0], this.west);
		result = clipEdge(result, (p) -> p[0] <= this.east, (p) -> p[0], this.east);
		result = clipEdge(result, (p) -> p[1] >= this.south, (p) -> p[1], this.south);
		result = clipEdge(result, (p) -> p[1] <= this.north, (p) -> p[1], this.north);
		return result;
	}

	/**
	 * One step of Sutherland-Hodgman: keeps what lies inside one edge, adding where the
	 * ring crosses it.
	 */
	private static List<double[]> clipEdge(List<double[]> ring, Predicate<double[]> inside,
			ToDoubleFunction<double[]> axis, double edge) {
		List<double[]> out = new ArrayList<>();
		for (int i = 0; i < ring.size(); i++) {
			double[] current = ring.get(i);
			double[] previous = ring.get((i + ring.size() - 1) % ring.size());
			boolean currentIn = inside.test(current);
			boolean previousIn = inside.test(previous);
			if (currentIn != previousIn) {
				double t = (edge - axis.applyAsDouble(previous))
						/ (axis.applyAsDouble(current) - axis.applyAsDouble(previous));
				out.add(new double[] { previous[0] + t * (current[0] - previous[0]),
						previous[1] + t * (current[1] - previous[1]) });
			}
			if (currentIn) {
				out.add(current);
			}
		}
		return out;
	}

	static double round(double value) {
		return Math.round(value * 10) / 10.0;
	}

}
