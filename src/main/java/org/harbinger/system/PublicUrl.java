package org.harbinger.system;

import java.net.URI;
import java.net.URISyntaxException;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The base of every link in emails and feeds: {@code harbinger.public-url} when set (the
 * address analysts use, e.g. behind a proxy), else this service as it listens. The port
 * is the one the server actually took ({@code local.server.port}, known once it started),
 * so a service run with {@code SERVER_PORT=9090} or on a random port never sends links to
 * 8080. Read on every use, not at construction, because beans are built before the server
 * binds.
 */
@Component
public class PublicUrl {

	private final String configured;

	private final Environment environment;

	public PublicUrl(HarbingerProperties properties, Environment environment) {
		this.environment = environment;
		String configured = blankToNull(properties.publicUrl());
		configured = (configured != null) ? configured : blankToNull(properties.dashboardUrl());
		this.configured = (configured != null) ? check(configured) : null;
	}

	/** The base, with no trailing slash: {@code http://localhost:9090}. */
	public String get() {
		if (this.configured != null) {
			return this.configured;
		}
		String port = this.environment.getProperty("local.server.port",
				this.environment.getProperty("server.port", "8080"));
		String address = this.environment.getProperty("server.address", "");
		// A wildcard or unset address is reached as localhost; a specific one only at
		// itself.
		String host = (address.isBlank() || address.equals("0.0.0.0") || address.equals("::")) ? "localhost"
				: (address.contains(":") ? "[" + address + "]" : address);
		String contextPath = this.environment.getProperty("server.servlet.context-path", "");
		return strip("http://" + host + ":" + port + contextPath);
	}

	private static String check(String url) {
		try {
			URI uri = new URI(url);
			if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
				throw new IllegalArgumentException("harbinger.public-url: '" + url
						+ "' is not an http(s) address such as https://harbinger.example.org");
			}
		}
		catch (URISyntaxException ex) {
			throw new IllegalArgumentException(
					"harbinger.public-url: '" + url + "' is not an address: " + ex.getMessage(), ex);
		}
		return strip(url);
	}

	private static String strip(String url) {
		return url.replaceAll("/+$", "");
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
