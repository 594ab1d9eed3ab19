package org.harbinger.ingest;

import java.util.Date;
import java.util.Optional;
import java.util.TimeZone;

import org.harbinger.system.OptionalJob;
import org.quartz.CronScheduleBuilder;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.scheduling.quartz.QuartzJobBean;
import org.springframework.stereotype.Component;

/**
 * The scheduled pull: a Quartz job on {@code harbinger.acled.cron} (UTC) when ACLED's
 * credentials are set, and none when they are not (a job left from an earlier start is
 * removed). In the JDBC job store, so a cluster pulls once, and a pull missed while the
 * service was down runs once at start.
 */
@Component
class AcledSchedule implements SmartInitializingSingleton {

	private static final Logger logger = LoggerFactory.getLogger(AcledSchedule.class);

	static final JobKey JOB = JobKey.jobKey("acled-pull", "ingest");

	private final Scheduler scheduler;

	private final AcledProperties properties;

	AcledSchedule(Scheduler scheduler, AcledProperties properties) {
		this.scheduler = scheduler;
		this.properties = properties;
	}

	@Override
	public void afterSingletonsInstantiated() {
		CronScheduleBuilder schedule = this.properties.configured()
				? CronScheduleBuilder.cronSchedule(this.properties.cron())
					.inTimeZone(TimeZone.getTimeZone("UTC"))
					.withMisfireHandlingInstructionFireAndProceed()
				: null;
		if (OptionalJob.scheduleOrRemove(this.scheduler, JOB, PullJob.class, schedule)) {
			logger.info("ACLED's credentials are not set: the scheduled pull is removed");
		}
	}

	/** When the next scheduled pull is due; empty when none is scheduled. */
	Optional<Date> next() {
		try {
			Trigger trigger = this.scheduler.getTrigger(TriggerKey.triggerKey(JOB.getName(), JOB.getGroup()));
			return Optional.ofNullable((trigger != null) ? trigger.getNextFireTime() : null);
		}
		catch (SchedulerException ex) {
			throw new IllegalStateException("Cannot read the ACLED schedule", ex);
		}
	}

	/** Pulls and waits for the end, so that two scheduled pulls never overlap. */
	@DisallowConcurrentExecution
	static class PullJob extends QuartzJobBean {

		private final AcledPuller puller;

		PullJob(AcledPuller puller) {
			this.puller = puller;
		}

		@Override
		protected void executeInternal(JobExecutionContext context) {
			if (this.puller.configured()) {
				this.puller.pull(null).report().join();
			}
		}

	}

}
