package org.harbinger.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.drools.compiler.kie.builder.impl.DrlProject;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;
import org.drools.drl.parser.ParserError;
import org.harbinger.system.EditableFiles;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;

import org.springframework.modulith.NamedInterface;

/**
 * The compiled rules/*.drl: a KieBase built with the classic DRL compiler (whose errors
 * carry file and line), with each file's metadata. Compiling never touches a running
 * session, so a bad edit can be refused while the old rules stay in force.
 */
@NamedInterface("replay")
public final class RuleBase {

	private static final AtomicLong BUILDS = new AtomicLong();

	private static final String KIE_PATH = "src/main/resources/";

	private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)", Pattern.MULTILINE);

	/**
	 * The engine's window facility ({@link WindowCount}), compiled with every rule base.
	 */
	private static final String WINDOWS = resource("engine/windows.drl");

	private final KieBase kieBase;

	private final Map<String, RuleMetadata> indicators;

	private final Map<String, RuleMetadata> files;

	private final String version;

	private final ReleaseId releaseId;

	private final List<EditableFiles.Text> sources;

	private final RuleDependencies dependencies;

	/**
	 * Parts of these rules compiled for a replay of a few indicators, by indicator ids.
	 */
	private final Map<Set<String>, RuleBase> parts = new ConcurrentHashMap<>();

	private RuleBase(KieBase kieBase, Map<String, RuleMetadata> files, String version, ReleaseId releaseId,
			List<EditableFiles.Text> sources) {
		this.kieBase = kieBase;
		this.files = files;
		this.sources = List.copyOf(sources);
		Map<String, String> texts = new LinkedHashMap<>();
		sources.forEach((file) -> {
			RuleMetadata metadata = files.get(file.location());
			if (metadata != null) {
				texts.put(metadata.id(), file.content());
			}
		});
		this.dependencies = RuleDependencies.of(texts);
		Map<String, RuleMetadata> indicators = new LinkedHashMap<>();
		files.values().forEach((metadata) -> indicators.put(metadata.id(), metadata));
		this.indicators = Collections.unmodifiableMap(indicators);
		this.version = version;
		this.releaseId = releaseId;
	}

	/**
	 * A short content hash of the rule files (names and text): equal files, equal
	 * version.
	 */
	public static String version(List<EditableFiles.Text> files) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			for (EditableFiles.Text file : files) {
				digest.update(
						(fileName(file.location()) + "\0" + file.content() + "\0").getBytes(StandardCharsets.UTF_8));
			}
			return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Compiles the rule files, or throws with every error found. */
	public static RuleBase compile(List<EditableFiles.Text> files) {
		List<RuleError> errors = new ArrayList<>();
		Map<String, RuleMetadata> indicators = new LinkedHashMap<>();
		Map<String, RuleMetadata> byFile = new LinkedHashMap<>();
		Map<String, String> locations = new HashMap<>();
		KieServices kie = KieServices.Factory.get();
		KieFileSystem kfs = kie.newKieFileSystem();
		// Each build its own release: a reused one would hand back the old module.
		ReleaseId release = kie.newReleaseId("org.harbinger", "rules", "1.0." + BUILDS.incrementAndGet());
		kfs.generateAndWritePomXML(release);
		for (EditableFiles.Text file : files) {
			try {
				RuleMetadata metadata = RuleMetadata.parse(file.location(), file.content());
				RuleMetadata other = indicators.putIfAbsent(metadata.id(), metadata);
				if (other != null) {
					errors.add(new RuleError(file.location(), 1, 1,
							"indicator id '" + metadata.id() + "' is already used by another file"));
				}
				byFile.put(file.location(), metadata);
			}
			catch (RuleCompileException ex) {
				errors.addAll(ex.errors());
			}
			List<RuleError> syntax = syntaxErrors(file);
			if (!syntax.isEmpty()) {
				// Left out of the build: in Drools one file's parse error would hide
				// every
				// file's declared types and report false errors against them.
				errors.addAll(syntax);
				continue;
			}
			// Drools expects a file's folder to follow its package.
			Matcher declared = PACKAGE.matcher(file.content());
			String folder = declared.find() ? declared.group(1).replace('.', '/') + "/" : "";
			String path = KIE_PATH + folder + fileName(file.location());
			// Messages name the resource without the source folder.
			locations.put(path.substring("src/main/resources/".length()), file.location());
			kfs.write(path, file.content());
		}
		kfs.write(KIE_PATH + "org/harbinger/engine/windows/windows.drl", WINDOWS);
		KieBuilder builder = kie.newKieBuilder(kfs, CompilerClassLoader.shared()).buildAll(DrlProject.class);
		for (Message message : builder.getResults().getMessages(Message.Level.ERROR)) {
			String file = (message.getPath() != null) ? locations.getOrDefault(message.getPath(), message.getPath())
					: "rules";
			errors.add(new RuleError(file, Math.max(message.getLine(), 0), Math.max(message.getColumn(), 0),
					message.getText().strip()));
		}
		if (!errors.isEmpty()) {
			kie.getRepository().removeKieModule(release);
			throw new RuleCompileException(errors);
		}
		KieBase kieBase = kie.newKieContainer(release, CompilerClassLoader.shared()).getKieBase();
		// The KieBase is self-contained once built; keeping the module would leak one per
		// reload.
		kie.getRepository().removeKieModule(release);
		return new RuleBase(kieBase, Collections.unmodifiableMap(byFile), version(files), release, files);
	}

	private static String resource(String name) {
		try (InputStream in = RuleBase.class.getClassLoader().getResourceAsStream(name)) {
			if (in == null) {
				throw new IllegalStateException(name + " is missing from the classpath");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<RuleError> syntaxErrors(EditableFiles.Text file) {
		DrlParser parser = new DrlParser();
		try {
			parser.parse(false, file.content());
		}
		catch (DroolsParserException ex) {
			return List.of(new RuleError(file.location(), Math.max(ex.getLineNumber(), 0), Math.max(ex.getColumn(), 0),
					ex.getMessage()));
		}
		return parser.getErrors().stream().map((error) -> {
			int line = (error instanceof ParserError parse) ? parse.getRow()
					: (error.getLines().length > 0) ? error.getLines()[0] : 0;
			int column = (error instanceof ParserError parse) ? parse.getCol() : 0;
			return new RuleError(file.location(), Math.max(line, 0), Math.max(column, 0), error.getMessage().strip());
		}).toList();
	}

	KieBase kieBase() {
		return this.kieBase;
	}

	/** Every indicator's metadata by id. */
	public Map<String, RuleMetadata> indicators() {
		return this.indicators;
	}

	/** Each rule file's metadata by the file's location, in file order. */
	public Map<String, RuleMetadata> files() {
		return this.files;
	}

	/**
	 * The content hash of the files this was compiled from; see {@link #version(List)}.
	 */
	public String version() {
		return this.version;
	}

	/** The build's release, removed from the KIE repository once built. */
	ReleaseId releaseId() {
		return this.releaseId;
	}

	/** What each indicator's rules read of the others. */
	public RuleDependencies dependencies() {
		return this.dependencies;
	}

	/**
	 * The files of these indicators alone, compiled once per set and kept with these
	 * rules: a replay of what a threshold change can affect runs no other rule.
	 */
	public RuleBase only(Set<String> indicators) {
		if (indicators.containsAll(this.indicators.keySet())) {
			return this;
		}
		return this.parts.computeIfAbsent(Set.copyOf(indicators),
				(ids) -> compile(this.sources.stream()
					.filter((file) -> this.files.containsKey(file.location())
							&& ids.contains(this.files.get(file.location()).id()))
					.toList()));
	}

	/** Every threshold key the rules declare, with its type. */
	public Map<String, ThresholdType> thresholdSchema() {
		Map<String, ThresholdType> schema = new LinkedHashMap<>();
		this.indicators.values().forEach((metadata) -> schema.putAll(metadata.thresholds()));
		return schema;
	}

	private static String fileName(String location) {
		String name = location.replace('\\', '/');
		return name.substring(name.lastIndexOf('/') + 1);
	}

}
