package org.harbinger.system;

import java.util.Arrays;
import java.util.Locale;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.converter.ConverterFactory;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Request parameters that name a constant ({@code severity}, {@code state}) take it in
 * any case, as the dashboard writes it ("Critical", "critical"): an API that refuses the
 * words on its own pages explains nothing. A word it does not know is an
 * {@link UnknownWord} listing the constants.
 */
@Configuration(proxyBeanMethods = false)
public class EnumWords implements WebMvcConfigurer {

	@Override
	public void addFormatters(FormatterRegistry registry) {
		registry.addConverterFactory(new AnyCase());
	}

	@SuppressWarnings({ "rawtypes", "unchecked" })
	private static final class AnyCase implements ConverterFactory<String, Enum> {

		@Override
		public <T extends Enum> Converter<String, T> getConverter(Class<T> type) {
			return (value) -> (T) word(type, value);
		}

	}

	/**
	 * The constant named by {@code value} in any case, with spaces or dashes for
	 * underscores; blank is none.
	 */
	public static <E extends Enum<E>> E word(Class<E> type, String value) {
		String name = value.strip();
		if (name.isEmpty()) {
			return null;
		}
		String constant = name.toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
		for (E candidate : type.getEnumConstants()) {
			if (candidate.name().equals(constant)) {
				return candidate;
			}
		}
		throw new UnknownWord(name, Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
	}

}
