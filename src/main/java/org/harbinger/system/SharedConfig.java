package org.harbinger.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The versions of the shared files in the database (table {@code config_version}), and
 * which version is in force on this node. Every change made on this node (API, admin
 * page, hand edit) is written as the version after the one in force here; the primary key
 * refuses it when another node wrote that version first, so an edit based on a stale
 * version is a conflict and never overwrites a newer one (docs/architecture.md, decision
 * 13). With sharing off ({@link ClusterProperties}) every method leaves the files alone.
 */
@Repository
@DependsOnDatabaseInitialization
public class SharedConfig {

	private static final Logger logger = LoggerFactory.getLogger(SharedConfig.class);

	private final JdbcClient jdbc;

	private final boolean sharing;

	/** Per file, the version in force on this node (0: none yet). */
	private final Map<String, Version> inForce = new ConcurrentHashMap<>();

	public SharedConfig(JdbcClient jdbc, ClusterProperties properties) {
		this.jdbc = jdbc;
		this.sharing = properties.sharing();
	}

	/** One version of a file, as committed by a node. */
	public record Version(String name, long number, String content, String updatedBy, Instant updatedAt) {
	}

	public boolean sharing() {
		return this.sharing;
	}

	/**
	 * Before a node first reads the file: the database's version wins, and is written to
	 * the file, unless the file was edited after that version was committed; such a file
	 * (or a first node's file) is shared once it is in force ({@link ConfigPoll}).
	 */
	public void prepare(String name, Path file) {
		if (!this.sharing) {
			return;
		}
		Optional<Version> latest = latest(name);
		if (latest.isEmpty()) {
			return;
		}
		Version version = latest.get();
		this.inForce.put(name, version);
		String local = read(file);
		if (version.content().equals(local)) {
			return;
		}
		if (local != null && modified(file).isAfter(version.updatedAt())) {
			logger.info("{} was edited after version {} of {} ({}, {}): the file will be shared as the next version",
					file, version.number(), name, version.updatedBy(), version.updatedAt());
			return;
		}
		EditableFiles.write(file.toAbsolutePath().getParent(), file.getFileName().toString(), version.content());
		logger.info("{} is version {} from the database ({}, {})", file, version.number(), version.updatedBy(),
				version.updatedAt());
	}

	/** The newest version of a file, if any node wrote one. */
	public Optional<Version> latest(String name) {
		return this.jdbc
			.sql("SELECT name, version, content, updated_by, updated_at FROM config_version WHERE name = ? "
					+ "AND version = (SELECT MAX(version) FROM config_version WHERE name = ?)")
			.params(name, name)
			.query((rs, row) -> new Version(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4),
					rs.getTimestamp(5).toInstant()))
			.optional();
	}

	/**
	 * The number of the newest version, 0 when there is none: what a poll asks every few
	 * seconds.
	 */
	public long latestNumber(String name) {
		return this.jdbc.sql("SELECT COALESCE(MAX(version), 0) FROM config_version WHERE name = ?")
			.param(name)
			.query(Long.class)
			.single();
	}

	/** The version in force on this node, if it has one from the database. */
	public Optional<Version> inForce(String name) {
		return Optional.ofNullable(this.inForce.get(name));
	}

	/**
	 * Writes the text as the version after the one in force here. Inside a transaction,
	 * the version counts as in force here once it commits. Throws a conflict when another
	 * node wrote a version this node has not put in force yet. Text equal to the version
	 * in force is not written again.
	 */
	public void publish(String name, String content, String who) {
		if (!this.sharing) {
			return;
		}
		Version base = this.inForce.get(name);
		if (base != null && base.content().equals(content)) {
			return;
		}
		Version next = new Version(name, (base != null) ? base.number() + 1 : 1, content, who, Instant.now());
		try {
			this.jdbc.sql(
					"INSERT INTO config_version (name, version, content, updated_by, updated_at) VALUES (?, ?, ?, ?, ?)")
				.params(name, next.number(), content, who, Timestamp.from(next.updatedAt()))
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw new ConfigChangeRefused(List.of(new ConfigChangeRefused.Problem("version",
					name + " was changed on another node since this node's version "
							+ ((base != null) ? base.number() : 0)
							+ "; it is put in force here within seconds, then reload and retry",
					null)), true);
		}
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					adopted(next);
				}
			});
		}
		else {
			adopted(next);
		}
	}

	/**
	 * Marks a version as in force on this node (or seen and refused: it is not tried
	 * again).
	 */
	public void adopted(Version version) {
		this.inForce.merge(version.name(), version, (old, next) -> (next.number() > old.number()) ? next : old);
	}

	private static String read(Path file) {
		try {
			return Files.isRegularFile(file) ? Files.readString(file) : null;
		}
		catch (IOException ex) {
			return null;
		}
	}

	private static Instant modified(Path file) {
		try {
			return Files.getLastModifiedTime(file).toInstant();
		}
		catch (IOException ex) {
			return Instant.EPOCH;
		}
	}

}
