package org.harbinger.engine;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.harbinger.incident.Incident;
import org.harbinger.incident.IncidentChangeLog;
import org.harbinger.incident.IncidentRepository;
import org.harbinger.incident.IncidentsRecorded;
import org.harbinger.system.ClusterProperties;
import org.harbinger.system.EditableFiles;
import org.harbinger.system.HarbingerProperties;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.jdbc.lock.DefaultLockRepository;
import org.springframework.integration.jdbc.lock.JdbcLockRegistry;
import org.springframework.integration.support.leader.LockRegistryLeaderInitiator;
import org.springframework.scheduling.quartz.QuartzJobBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

@Configuration(proxyBeanMethods = false)
class EngineConfiguration {

	/**
	 * The rules and values read at start-up, only for the engine and its reloader: a
	 * package-private type, so no other module can inject them and go stale after a
	 * reload; they read {@link RuleReloader#rules()} and
	 * {@link RuleReloader#thresholds()} instead.
	 */
	record StartUp(RuleBase rules, ThresholdSet thresholds) {
	}

	/** The thresholds are checked against what the compiled rules declare. */
	@Bean
	StartUp startUp(HarbingerProperties properties, ThresholdSource thresholdSource) {
		RuleBase rules = RuleBase.compile(EditableFiles.list(properties.rulesDir(), "rules", "drl"));
		return new StartUp(rules, thresholdSource.parse(thresholdSource.current(), rules.thresholdSchema()));
	}

	/**
	 * On a single node the engine starts with the service; in a cluster, when the
	 * database elects this node.
	 */
	@Bean(destroyMethod = "close")
	EngineHost engineHost(StartUp startUp, ClockProperties clock, IncidentRepository incidents, SignalSink sink,
			JdbcMemoryStore memory, ClusterProperties cluster, EngineMetrics metrics) {
		IncidentHistory history = new IncidentHistory() {
			@Override
			public Optional<LocalDate> firstEventDate() {
				return incidents.firstEventDate();
			}

			@Override
			public void forEachSince(LocalDate from, Consumer<Incident> action) {
				incidents.forEachSince(from, action);
			}
		};
		EngineHost host = new EngineHost((rules, thresholds, today, writeTo, keepIn) -> Engine.start(rules, thresholds,
				today, history, writeTo, keepIn, metrics::step), clock, startUp.rules(), startUp.thresholds(), sink,
				memory);
		if (!cluster.enabled()) {
			host.lead();
		}
		return host;
	}

	@Bean(destroyMethod = "close")
	@ConditionalOnBooleanProperty("harbinger.cluster.enabled")
	ClusterEngine clusterEngine(EngineHost host, IncidentChangeLog log, IncidentRepository incidents,
			ClusterProperties cluster, ClockProperties clock) {
		return new ClusterEngine(host, log, incidents, cluster, clock);
	}

	/**
	 * The lock table, under Spring's lifecycle (it starts and stops with the context).
	 */
	@Bean
	@ConditionalOnBooleanProperty("harbinger.cluster.enabled")
	DefaultLockRepository engineLockRepository(DataSource dataSource, ClusterProperties cluster) {
		return new DefaultLockRepository(dataSource,
				UUID.nameUUIDFromBytes(cluster.nodeId().getBytes(StandardCharsets.UTF_8)).toString());
	}

	/**
	 * The election: a lock in the database that the engine's node holds and renews every
	 * third of a lease; a node that stops renewing loses it when the lease runs out.
	 */
	@Bean
	@ConditionalOnBooleanProperty("harbinger.cluster.enabled")
	LockRegistryLeaderInitiator engineElection(DefaultLockRepository locks, ClusterEngine candidate,
			ClusterProperties cluster) {
		LockRegistryLeaderInitiator initiator = new LockRegistryLeaderInitiator(
				new JdbcLockRegistry(locks, cluster.lease()), candidate);
		initiator.setHeartBeatMillis(Math.max(100, cluster.lease().toMillis() / 3));
		initiator.setBusyWaitMillis(Math.max(100, cluster.lease().toMillis() / 10));
		return initiator;
	}

	@Bean(destroyMethod = "close")
	RuleReloader ruleReloader(EngineHost engine, StartUp startUp, HarbingerProperties properties,
			ThresholdSource thresholdSource, ApplicationEventPublisher events) {
		return new RuleReloader(engine, startUp.rules(), startUp.thresholds(), properties.rulesDir(), thresholdSource,
				events);
	}

	/**
	 * Watches once the service is up: a change during start-up is seen by the first look.
	 */
	@Bean
	ApplicationListener<ApplicationReadyEvent> ruleWatchStart(RuleReloader reloader, ReloadProperties properties) {
		return (ready) -> {
			if (properties.enabled()) {
				reloader.watch(properties);
			}
		};
	}

	@Bean
	JobDetail advanceTodayJob() {
		return JobBuilder.newJob(AdvanceTodayJob.class).withIdentity("advance-today", "engine").storeDurably().build();
	}

	/**
	 * Every ten minutes is cheap (a no-op while the date holds) and catches midnight
	 * promptly.
	 */
	@Bean
	Trigger advanceTodayTrigger(JobDetail advanceTodayJob) {
		return TriggerBuilder.newTrigger()
			.forJob(advanceTodayJob)
			.withIdentity("advance-today", "engine")
			.withSchedule(SimpleScheduleBuilder.repeatMinutelyForever(10)
				.withMisfireHandlingInstructionNextWithRemainingCount())
			.build();
	}

	/** Moves {@link Today} to the clock's date. */
	@DisallowConcurrentExecution
	static class AdvanceTodayJob extends QuartzJobBean {

		private final EngineHost engine;

		private final ClockProperties clock;

		AdvanceTodayJob(EngineHost engine, ClockProperties clock) {
			this.engine = engine;
			this.clock = clock;
		}

		@Override
		protected void executeInternal(JobExecutionContext context) {
			this.engine.advanceTo(this.clock.today()).join();
		}

	}

	/**
	 * Hands committed incidents to the engine: the database is written first, the session
	 * follows.
	 */
	@Component
	static class RecordedIncidents {

		private final EngineHost engine;

		RecordedIncidents(EngineHost engine) {
			this.engine = engine;
		}

		@TransactionalEventListener(fallbackExecution = true)
		void on(IncidentsRecorded recorded) {
			// A failed step is logged by the engine; the import that waits goes on either
			// way.
			this.engine.record(new IncidentChanges(recorded.upserted(), recorded.amended(), recorded.deleted()))
				.whenComplete((done, failure) -> recorded.evaluated().complete(null));
		}

	}

}
