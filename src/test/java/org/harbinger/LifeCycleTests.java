package org.harbinger;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service that has worked (imported, run its schedules, mailed a digest) stops without
 * an error; while it holds its H2 file, a second service and a command say in one line
 * who holds it.
 */
@ExtendWith(OutputCaptureExtension.class)
class LifeCycleTests {

	private static final String PASSWORD = "life-cycle admin passphrase";

	private static final LocalDate CLOCK = LocalDate.of(2022, 5, 7);

	@Test
	void aServiceThatImportedAndMailedStopsWithoutAnErrorAndRemovesItsNote(@TempDir Path dir, CapturedOutput output)
			throws Exception {
		Path note = dir.resolve("db/harbinger.in-use");
		try (ConfigurableApplicationContext service = start(dir, "lifecycle-stop")) {
			String port = service.getEnvironment().getProperty("local.server.port");
			assertThat(note).content()
				.startsWith("the Harbinger service (pid " + ProcessHandle.current().pid() + ", port " + port
						+ ", started ");

			HttpResponse<String> token = call(port, "POST", "/api/tokens", "application/json",
					"{\"name\":\"desk\",\"roles\":[\"INGEST\"]}");
			String ingest = token.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
			HttpResponse<String> imported = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/incidents/import?wait=60"))
					.header("Authorization", "Bearer " + ingest)
					.header("Content-Type", "text/csv")
					.POST(HttpRequest.BodyPublishers.ofFile(Path.of("src/main/resources/demo/acled-demo.csv")))
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
			HttpResponse<String> digest = call(port, "POST", "/api/subscriptions/demo-all/digest", null, "");
			assertThat(digest.body()).contains("\"status\":\"SENT\"");
			// The sender, the inbox and the schedules are busy until the close.
			Files.writeString(dir.resolve("inbox/late.csv"), "event_id_cnty,event_date\n");
		}

		assertThat(output.getAll()).contains("delivered to").doesNotContain(" ERROR ", "Database is already closed");
		assertThat(note).doesNotExist();
	}

	@Test
	void whileTheServiceHoldsTheDatabaseASecondStartAndACommandSayWhoHoldsItInOneLine(@TempDir Path dir)
			throws Exception {
		try (ConfigurableApplicationContext service = start(dir, "lifecycle-hold")) {
			String holder = "is in use by the Harbinger service (pid " + ProcessHandle.current().pid() + ", port "
					+ service.getEnvironment().getProperty("local.server.port") + ", started ";
			String database = "-Dspring.datasource.url=jdbc:h2:file:" + dir.resolve("db/harbinger");

			ChildJvm.Result command = ChildJvm.run(List.of(database), "import",
					"src/test/resources/ingest/native-example.csv");
			assertThat(command.status()).isEqualTo(1);
			assertThat(command.output().strip())
				.startsWith("harbinger import: the database " + dir.resolve("db/harbinger") + " " + holder)
				.doesNotContain("\n");

			ChildJvm.Result second = ChildJvm.run(List.of(database), "--server.port=0",
					"--harbinger.config-dir=" + TestServices.config(dir), "--harbinger.demo.enabled=false",
					"--spring.quartz.scheduler-name=lifecycle-second");
			assertThat(second.status()).isEqualTo(1);
			assertThat(second.output())
				.contains("Harbinger cannot start: the database " + dir.resolve("db/harbinger") + " " + holder)
				.doesNotContain("Caused by", "\tat ", " WARN ");
		}
	}

	private static ConfigurableApplicationContext start(Path dir, String scheduler) throws Exception {
		Files.createDirectories(dir.resolve("inbox"));
		return TestServices.onH2File(dir, scheduler, CLOCK,
				List.of("--spring.quartz.auto-startup=true", "--harbinger.inbox.enabled=true",
						"--harbinger.inbox.dir=" + dir.resolve("inbox"), "--harbinger.inbox.poll=200ms",
						"--harbinger.mail.dispatch-interval=200ms", "--HARBINGER_ADMIN_PASSWORD=" + PASSWORD));
	}

	private static HttpResponse<String> call(String port, String method, String path, String type, String body)
			throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization",
					"Basic " + Base64.getEncoder()
						.encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
			.method(method, HttpRequest.BodyPublishers.ofString(body));
		if (type != null) {
			request.header("Content-Type", type);
		}
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
