package org.harbinger.engine;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.harbinger.TestIncidents;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class FactValuesTests {

	@Test
	void equalValuesShareOneInstance() {
		String first = FactValues.one(new String("Nangarhar"));

		assertThat(FactValues.one(new String("Nangarhar"))).isSameAs(first);
		assertThat(FactValues.one((String) null)).isNull();
	}

	@Test
	void aSetKeepsItsOrderSoTheFirstLanguageTagStaysFirst() {
		Set<String> pashtoFirst = FactValues.one(new LinkedHashSet<>(List.of("lang=ps", "lang=en")));
		Set<String> englishFirst = FactValues.one(new LinkedHashSet<>(List.of("lang=en", "lang=ps")));

		assertThat(pashtoFirst).containsExactly("lang=ps", "lang=en");
		assertThat(englishFirst).containsExactly("lang=en", "lang=ps");
		assertThat(FactValues.one(new LinkedHashSet<>(List.of("lang=ps", "lang=en")))).isSameAs(pashtoFirst);
	}

	@Test
	void aSharedSetCannotBeChangedThroughOneFact() {
		Set<String> tags = FactValues.one(new LinkedHashSet<>(List.of("propaganda")));

		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> tags.add("lang=ps"));
	}

	@Test
	void factsOfTheSameProvinceShareItsNamesAndScope() {
		LocalDate day = LocalDate.of(2022, 4, 17);
		IncidentFact one = new IncidentFact(
				TestIncidents.builder("AFG1", day, new String("Afghanistan")).admin1(new String("Kunar")).build());
		IncidentFact other = new IncidentFact(
				TestIncidents.builder("AFG2", day, new String("Afghanistan")).admin1(new String("Kunar")).build());

		assertThat(other.getCountry()).isSameAs(one.getCountry());
		assertThat(other.getDate()).isSameAs(one.getDate());
		assertThat(other.getAdmin1Scope()).isEqualTo("Afghanistan/Kunar").isSameAs(one.getAdmin1Scope());
		assertThat(other.getEventId()).isEqualTo("AFG2");
	}

}
