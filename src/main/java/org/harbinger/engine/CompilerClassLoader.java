package org.harbinger.engine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The application's class loader as the rule compiler sees it, with its answers kept.
 * Compiling the rules asks for thousands of names, most of which do not exist (the Java
 * compiler tries each simple name against every imported package), and in the packaged
 * jar each miss walks every nested jar of the class path: a profile of a hot reload put
 * most of the compile's time there. The application's classes do not change while it
 * runs, so what was found or not found once stays true; the rules' own declared types
 * live in the compiler's project class loader, a child of this one, and are never asked
 * of it.
 */
final class CompilerClassLoader extends ClassLoader {

	static {
		registerAsParallelCapable();
	}

	private static final CompilerClassLoader SHARED = new CompilerClassLoader(RuleBase.class.getClassLoader());

	private final ConcurrentMap<String, Optional<Class<?>>> classes = new ConcurrentHashMap<>();

	private final ConcurrentMap<String, Optional<URL>> resources = new ConcurrentHashMap<>();

	/** Class files read by the compiler, which reads the same few hundred every build. */
	private final ConcurrentMap<String, Optional<byte[]>> classFiles = new ConcurrentHashMap<>();

	private CompilerClassLoader(ClassLoader parent) {
		super("harbinger-rule-compiler", parent);
	}

	/** The one instance over the application's class loader. */
	static CompilerClassLoader shared() {
		return SHARED;
	}

	@Override
	protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
		Optional<Class<?>> found = this.classes.computeIfAbsent(name, (key) -> {
			try {
				return Optional.of(getParent().loadClass(key));
			}
			catch (ClassNotFoundException | NoClassDefFoundError ex) {
				return Optional.empty();
			}
		});
		return found.orElseThrow(() -> new ClassNotFoundException(name));
	}

	@Override
	public URL getResource(String name) {
		return this.resources.computeIfAbsent(name, (key) -> Optional.ofNullable(getParent().getResource(key)))
			.orElse(null);
	}

	@Override
	public InputStream getResourceAsStream(String name) {
		if (!name.endsWith(".class")) {
			return super.getResourceAsStream(name);
		}
		return this.classFiles.computeIfAbsent(name, (key) -> {
			try (InputStream in = getParent().getResourceAsStream(key)) {
				return (in != null) ? Optional.of(in.readAllBytes()) : Optional.empty();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}).map(ByteArrayInputStream::new).orElse(null);
	}

}
