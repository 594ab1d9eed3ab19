package org.harbinger.ingest;

import java.time.Duration;

import jakarta.annotation.PreDestroy;
import org.harbinger.system.ConfigFileException;
import org.harbinger.system.EditableFiles;
import org.harbinger.system.FilePoller;
import org.harbinger.system.HarbingerProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Puts an edit of config/sources.yml in force for incidents stored from then on, without
 * a restart: the file is compared with the text in force every
 * {@code harbinger.sources.poll} (0 turns it off). A broken edit is refused in the log
 * with every problem by line and key, and the grades in force stay. Stored incidents keep
 * their grades (docs/grading.md, section 3).
 */
@Component
class SourcesWatch {

	private static final Logger logger = LoggerFactory.getLogger(SourcesWatch.class);

	private final Grading grading;

	private final HarbingerProperties harbinger;

	private final Properties properties;

	private FilePoller poller;

	/**
	 * The text in force, and the last text refused (so a broken file is reported once,
	 * not every poll).
	 */
	private String inForce;

	private String refused;

	SourcesWatch(Grading grading, HarbingerProperties harbinger, Properties properties) {
		this.grading = grading;
		this.harbinger = harbinger;
		this.properties = properties;
		this.inForce = read().content();
	}

	/** How often the file is compared with the outlets' grades in force. */
	@ConfigurationProperties("harbinger.sources")
	record Properties(@DefaultValue("5s") Duration poll) {
	}

	@EventListener(ApplicationReadyEvent.class)
	synchronized void start() {
		this.poller = FilePoller.start("harbinger-sources", "config/sources.yml", this.properties.poll(),
				this::reloadIfEdited);
	}

	/**
	 * True when an edit was put in force; a refused edit leaves the grades in force and
	 * says why.
	 */
	synchronized boolean reloadIfEdited() {
		EditableFiles.Text file = read();
		if (file.content().equals(this.inForce) || file.content().equals(this.refused)) {
			return false;
		}
		try {
			this.grading.use(SourceGrades.load(file));
		}
		catch (ConfigFileException ex) {
			this.refused = file.content();
			logger.error("{}\nThe outlets' grades in force stay.", ex.getMessage());
			return false;
		}
		this.inForce = file.content();
		this.refused = null;
		logger.info("{} in force for incidents stored from now on", file.location());
		return true;
	}

	private EditableFiles.Text read() {
		return EditableFiles.read(this.harbinger.configDir(), "config", "sources.yml");
	}

	@PreDestroy
	synchronized void stop() {
		if (this.poller != null) {
			this.poller.stop();
		}
	}

}
