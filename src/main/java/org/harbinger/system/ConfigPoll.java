package org.harbinger.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps this node's shared files in step with the database every
 * {@code harbinger.cluster.config-poll}: a newer version goes in force through its file's
 * own validation (a version refused here is logged, and what runs stays); a text in force
 * here that the database does not have yet (a hand edit, a file newer than the database
 * at start-up, a first node's files) becomes the next version. A local timer, like the
 * file watches: each node looks for itself.
 */
@Component
class ConfigPoll {

	private static final Logger logger = LoggerFactory.getLogger(ConfigPoll.class);

	private final SharedConfig shared;

	private final List<SharedFile> files;

	private final ClusterProperties properties;

	/**
	 * Per file, the text that stayed in force when a newer version was refused here: not
	 * a local edit to share.
	 */
	private final Map<String, String> heldBack = new ConcurrentHashMap<>();

	private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "harbinger-config-poll");
		thread.setDaemon(true);
		return thread;
	});

	ConfigPoll(SharedConfig shared, List<SharedFile> files, ClusterProperties properties) {
		this.shared = shared;
		this.files = files;
		this.properties = properties;
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		if (!this.properties.sharing()) {
			return;
		}
		// The first look before the node is ready: a node started next finds this one's
		// files in the database.
		pollAll();
		long interval = this.properties.configPoll().toMillis();
		this.timer.scheduleWithFixedDelay(this::pollAll, interval, interval, TimeUnit.MILLISECONDS);
	}

	@PreDestroy
	void stop() {
		this.timer.shutdownNow();
	}

	/** One look at every shared file. */
	void pollAll() {
		for (SharedFile file : this.files) {
			try {
				poll(file);
			}
			catch (RuntimeException ex) {
				// A failed look (the database away) must not end the poll: the next one
				// tries again.
				logger.warn("Could not compare {} with the database: {}", file.location().name(), ex.toString());
			}
		}
	}

	private void poll(SharedFile file) {
		String name = file.location().name();
		long known = this.shared.inForce(name).map(SharedConfig.Version::number).orElse(0L);
		if (this.shared.latestNumber(name) > known) {
			Optional<SharedConfig.Version> latest = this.shared.latest(name);
			if (latest.isPresent()) {
				adopt(file, latest.get());
				return;
			}
		}
		// The owner's changes hold this lock while they write a version: an API change
		// cannot
		// commit between reading the text in force and sharing it, to be undone by an
		// older text.
		synchronized (file) {
			String text = file.textInForce();
			if (text == null || text.equals(this.heldBack.get(name))) {
				return;
			}
			try {
				this.shared.publish(name, text, "(file)");
			}
			catch (ConfigChangeRefused ex) {
				// Another node committed first: its version comes in on the next look and
				// wins.
				logger.warn("{} edited on this node lost to a newer version from another node", file.location().file());
			}
		}
	}

	private void adopt(SharedFile file, SharedConfig.Version version) {
		keepReplacedEdit(file, version);
		try {
			file.adopt(version.content());
			this.heldBack.remove(version.name());
			logger.info("{} version {} ({}, {}) in force", version.name(), version.number(), version.updatedBy(),
					version.updatedAt());
		}
		catch (ConfigFileException | ConfigChangeRefused | IllegalArgumentException ex) {
			String stays = file.textInForce();
			if (stays != null) {
				this.heldBack.put(version.name(), stays);
			}
			logger.error("{} version {} ({}) is refused on this node; what was in force stays: {}", version.name(),
					version.number(), version.updatedBy(), ex.getMessage());
		}
		// Seen either way: a refused version is not retried each poll, and the next edit
		// builds on it.
		this.shared.adopted(version);
	}

	/**
	 * A hand edit that the newer version replaces is kept beside the file, so nobody's
	 * work is lost silently.
	 */
	private void keepReplacedEdit(SharedFile file, SharedConfig.Version version) {
		Path path = file.location().file();
		try {
			if (!Files.isRegularFile(path)) {
				return;
			}
			String onDisk = Files.readString(path);
			String known = this.shared.inForce(version.name()).map(SharedConfig.Version::content).orElse(null);
			if (!onDisk.equals(version.content()) && known != null && !onDisk.equals(known)) {
				Path aside = path.resolveSibling(path.getFileName() + ".replaced");
				Files.writeString(aside, onDisk);
				logger.warn("{} was edited here while version {} came from another node ({}); the edit is kept in {}",
						path, version.number(), version.updatedBy(), aside);
			}
		}
		catch (IOException ex) {
			logger.warn("Could not keep the edit of {}: {}", path, ex.toString());
		}
	}

}
