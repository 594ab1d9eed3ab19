package org.harbinger.engine;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.harbinger.ingest.IncidentFields;
import org.harbinger.ingest.OfflineIngest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who acted and who was acted upon (docs/indicators.md, "Actor roles"), read from records
 * as an import reads them, with the shipped config/actors.yml.
 */
class ActorRoleTests {

	private final IncidentFields fields = OfflineIngest.fields(Path.of("config"));

	@Test
	void iskpAsActor1IsThePerpetrator() {
		IncidentFact attack = fact(Map.of("event_type", "Explosions/Remote violence", "sub_event_type", "Suicide bomb",
				"actor1", "Islamic State (Afghanistan)", "actor2", "Military Forces of Afghanistan (2021-)"));

		assertThat(attack.isIskpPerpetrator()).isTrue();
		assertThat(attack.isIskpTarget()).isFalse();
		assertThat(attack.isIskp()).isTrue();
	}

	@Test
	void iskpAmongActor1sAssociatedActorsIsAPerpetratorToo() {
		IncidentFact joint = fact(Map.of("event_type", "Battles", "sub_event_type", "Armed clash", "actor1",
				"Unidentified Armed Group (Afghanistan)", "assoc_actor_1",
				"Some Local Militia; Islamic State (Afghanistan)", "actor2", "Military Forces of Afghanistan (2021-)"));

		assertThat(joint.isIskpPerpetrator()).isTrue();
		assertThat(joint.isIskpTarget()).isFalse();
	}

	@Test
	void aTalibanRaidOnAnIskpCellMakesIskpTheTargetAndTheStateTheActor() {
		IncidentFact raid = fact(Map.of("event_type", "Battles", "sub_event_type", "Armed clash", "actor1",
				"Military Forces of Afghanistan (2021-)", "inter1", "1", "actor2", "Islamic State (Afghanistan)"));

		assertThat(raid.isIskpTarget()).isTrue();
		assertThat(raid.isIskpPerpetrator()).isFalse();
		assertThat(raid.isActor1StateForce()).isTrue();
		assertThat(raid.isIskp()).isTrue();
	}

	/** Issue 20: the same roles for any group, and Pakistan's forces are a state's. */
	@Test
	void theRolesHoldForTheTtpAndItsFactionsAsForIskp() {
		IncidentFact bombing = fact(Map.of("event_type", "Explosions/Remote violence", "sub_event_type", "Suicide bomb",
				"actor1", "Jamaat-ul-Ahrar", "actor2", "Police Forces of Pakistan (2018-)"));
		IncidentFact operation = fact(Map.of("event_type", "Battles", "sub_event_type", "Armed clash", "actor1",
				"Military Forces of Pakistan (2018-)", "actor2", "TTP: Tehreek-i-Taliban Pakistan"));

		assertThat(bombing.perpetrator("TTP")).as("Jamaat-ul-Ahrar is counted with the TTP").isTrue();
		assertThat(bombing.target("TTP")).isFalse();
		assertThat(bombing.isIskp()).isFalse();
		assertThat(operation.target("TTP")).isTrue();
		assertThat(operation.perpetrator("TTP")).isFalse();
		assertThat(operation.perpetrator("PAKISTAN_FORCES")).isTrue();
		assertThat(operation.isActor1StateForce()).as("no inter1: Pakistan's forces are a state's").isTrue();
		assertThat(operation.named("TTP")).isTrue();
		assertThat(operation.namesAny(List.of("AQ", "TTP"))).isTrue();
		assertThat(operation.namesAny(List.of("AQ", "AQIS"))).isFalse();
	}

	@Test
	void anArrestIsAnOperationButADefectionToIskpIsNot() {
		Map<String, String> base = Map.of("event_type", "Strategic developments", "actor1",
				"Military Forces of Afghanistan (2021-)", "actor2", "ISKP");

		assertThat(fact(with(base, "sub_event_type", "Arrests")).isIskpTarget()).isTrue();
		assertThat(fact(with(base, "sub_event_type", "Change to group/activity")).isIskpTarget()).isFalse();
	}

	@Test
	void aRivalArmedGroupFightingIskpMakesItATargetButNoStateOperation() {
		IncidentFact clash = fact(Map.of("event_type", "Battles", "sub_event_type", "Armed clash", "actor1",
				"TTP: Tehreek-i-Taliban Pakistan", "inter1", "2", "actor2", "Islamic State (Pakistan)", "country",
				"Pakistan"));

		assertThat(clash.isIskpTarget()).isTrue();
		assertThat(clash.isActor1StateForce()).isFalse();
	}

	@Test
	void civiliansNamingIskpAsActor2DoNotMakeItATarget() {
		IncidentFact protest = fact(Map.of("event_type", "Riots", "sub_event_type", "Mob violence", "actor1",
				"Civilians (Afghanistan)", "actor2", "Islamic State (Afghanistan)"));

		assertThat(protest.isIskpTarget()).isFalse();
		assertThat(protest.isIskpPerpetrator()).isFalse();
		assertThat(protest.isIskp()).isTrue();
	}

	private IncidentFact fact(Map<String, String> values) {
		Map<String, String> raw = new LinkedHashMap<>(Map.of("source", "test", "event_id_cnty", "AFG1", "event_date",
				"2022-05-01", "country", "Afghanistan"));
		raw.putAll(values);
		IncidentFields.Parsed parsed = this.fields.parse(raw);
		assertThat(parsed.errors()).isEmpty();
		return new IncidentFact(parsed.incident());
	}

	private static Map<String, String> with(Map<String, String> base, String key, String value) {
		Map<String, String> all = new LinkedHashMap<>(base);
		all.put(key, value);
		return all;
	}

}
