package org.harbinger.alert;

import java.util.ArrayList;
import java.util.List;

import org.harbinger.system.EnumWords;
import org.harbinger.system.UnknownWord;

import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/**
 * {@code status} as the API and the dashboard say it: {@code OPEN}, {@code RESOLVED} in
 * any case, and the dashboard's "Any" (or nothing) for every status.
 */
@Component
class StatusWords implements Converter<String, Alert.Status> {

	static final String ANY = "ANY";

	@Override
	public Alert.Status convert(String value) {
		if (value.isBlank() || ANY.equalsIgnoreCase(value.strip())) {
			return null;
		}
		try {
			return EnumWords.word(Alert.Status.class, value);
		}
		catch (UnknownWord ex) {
			List<String> accepted = new ArrayList<>(ex.accepted());
			accepted.add(ANY);
			throw new UnknownWord(value.strip(), accepted);
		}
	}

}
