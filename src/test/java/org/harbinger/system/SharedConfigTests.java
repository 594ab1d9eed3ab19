package org.harbinger.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a node's file and the database's versions meet (docs/architecture.md, decision 13),
 * with two nodes' views of one migrated H2 database and a file owner that checks nothing.
 */
class SharedConfigTests {

	@TempDir
	Path dir;

	private JdbcClient jdbc;

	@BeforeEach
	void database() {
		JdbcDataSource h2 = new JdbcDataSource();
		h2.setURL("jdbc:h2:mem:shared-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
		Flyway.configure()
			.dataSource(h2)
			.locations("classpath:db/migration/common", "classpath:db/migration/h2")
			.load()
			.migrate();
		this.jdbc = JdbcClient.create(h2);
	}

	@Test
	void atStartUpTheDatabasesVersionReplacesAnOlderFile() throws Exception {
		SharedConfig starting = node();
		Path file = start(starting, "a: 1\n", Instant.now().minus(Duration.ofHours(1)));

		assertThat(Files.readString(file)).isEqualTo("a: 2\n");
		assertThat(starting.inForce("thresholds")).get().extracting(SharedConfig.Version::number).isEqualTo(1L);
	}

	@Test
	void atStartUpAFileEditedAfterTheDatabasesVersionStaysAndIsSharedAsTheNextVersion() throws Exception {
		SharedConfig starting = node();
		Path file = start(starting, "a: 3\n", Instant.now().plus(Duration.ofMinutes(1)));
		Owner owner = new Owner(file);
		new ConfigPoll(starting, List.of(owner), properties()).pollAll();

		assertThat(Files.readString(file)).isEqualTo("a: 3\n");
		assertThat(starting.latest("thresholds")).get()
			.satisfies((version) -> assertThat(version.number()).isEqualTo(2))
			.satisfies((version) -> assertThat(version.content()).isEqualTo("a: 3\n"))
			.satisfies((version) -> assertThat(version.updatedBy()).isEqualTo("(file)"));
	}

	@Test
	void aHandEditThatLosesToAnotherNodesVersionIsReplacedAndKeptBesideTheFile() throws Exception {
		Path file = Files.writeString(this.dir.resolve("subscriptions.yml"), "v: 1\n");
		SharedConfig here = node();
		Owner owner = new Owner(file);
		ConfigPoll poll = new ConfigPoll(here, List.of(owner), properties());
		poll.pollAll();
		SharedConfig other = node();
		other.adopted(other.latest("subscriptions").orElseThrow());

		// Edited by hand here, not yet in force, while the other node commits its change.
		Files.writeString(file, "v: hand edit\n");
		other.publish("subscriptions", "v: 2\n", "node B");
		poll.pollAll();

		assertThat(owner.inForce).isEqualTo("v: 2\n");
		assertThat(Files.readString(file)).isEqualTo("v: 2\n");
		assertThat(this.dir.resolve("subscriptions.yml.replaced")).hasContent("v: hand edit");
		assertThat(here.latestNumber("subscriptions")).isEqualTo(2);
	}

	@Test
	void aSingleNodeWritesNoVersion() throws Exception {
		SharedConfig alone = new SharedConfig(this.jdbc, new ClusterProperties(false, "alone", Duration.ofMillis(500),
				Duration.ofSeconds(10), true, Duration.ofSeconds(2)));
		alone.publish("users", "users: []\n", "admin");

		assertThat(alone.latestNumber("users")).isZero();
	}

	/**
	 * Another node has put "a: 2" in force; this node starts with its own file, modified
	 * then.
	 */
	private Path start(SharedConfig starting, String text, Instant modified) throws Exception {
		node().publish("thresholds", "a: 2\n", "node B");
		Path file = Files.writeString(this.dir.resolve("thresholds.yml"), text);
		Files.setLastModifiedTime(file, FileTime.from(modified));
		starting.prepare("thresholds", file);
		return file;
	}

	private SharedConfig node() {
		return new SharedConfig(this.jdbc, properties());
	}

	private static ClusterProperties properties() {
		return new ClusterProperties(true, null, Duration.ofMillis(500), Duration.ofSeconds(10), true,
				Duration.ofSeconds(2));
	}

	/**
	 * A file's owner that accepts any text: what it puts in force is what it was given.
	 */
	private static final class Owner implements SharedFile {

		private final Path file;

		private String inForce;

		Owner(Path file) throws Exception {
			this.file = file;
			this.inForce = Files.readString(file);
		}

		@Override
		public Location location() {
			return new Location(this.file.getFileName().toString().replace(".yml", ""), this.file);
		}

		@Override
		public synchronized String textInForce() {
			return this.inForce;
		}

		@Override
		public synchronized void adopt(String text) {
			EditableFiles.write(this.file.getParent(), this.file.getFileName().toString(), text);
			this.inForce = text;
		}

	}

}
