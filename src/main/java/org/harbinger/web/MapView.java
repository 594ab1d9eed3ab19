package org.harbinger.web;

/**
 * The map's two views: the Khorasan region where ISKP fights, and the wider band from
 * Europe to South Asia where its external operations land. The wide box must stay inside
 * the box docs/map/subset-world-atlas.mjs keeps (-12..100 E, -2..64 N).
 */
enum MapView {

	KHORASAN("Afghanistan, Pakistan, Iran and Central Asia", new MapProjection(44, 23, 81, 45, 1000)),

	WIDE("Europe to South Asia", new MapProjection(-10, 0, 95, 62, 1000));

	private final String title;

	private final MapProjection projection;

	MapView(String title, MapProjection projection) {
		this.title = title;
		this.projection = projection;
	}

	public String title() {
		return this.title;
	}

	public MapProjection projection() {
		return this.projection;
	}

}
