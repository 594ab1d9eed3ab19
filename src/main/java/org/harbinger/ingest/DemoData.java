package org.harbinger.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.harbinger.incident.IncidentRepository;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * On a first start with an empty database, loads the demo data set (an ACLED export of
 * the real events behind the indicators, with background), so a new user sees alerts.
 */
@Component
@ConditionalOnBooleanProperty("harbinger.demo.enabled")
class DemoData implements ApplicationRunner {

	private static final Logger logger = LoggerFactory.getLogger(DemoData.class);

	static final String RESOURCE = "demo/acled-demo.csv";

	private final IncidentRepository repository;

	private final ImportQueue imports;

	DemoData(IncidentRepository repository, ImportQueue imports) {
		this.repository = repository;
		this.imports = imports;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.repository.count() > 0) {
			return;
		}
		try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
			ImportReport report = this.imports.importStream(RESOURCE, in, ImportJob.Origin.DEMO);
			logger.info("Loaded the demo data set: {} incidents ({} rows refused)", report.accepted(),
					report.rejected());
			report.errors().forEach((error) -> logger.warn("demo line {}: {}", error.line(), error.reason()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
