package org.harbinger.alertmanager;

import org.harbinger.system.OptionalJob;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SimpleScheduleBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.scheduling.quartz.QuartzJobBean;
import org.springframework.stereotype.Component;

/**
 * The push, every {@code harbinger.alertmanager.interval}, as a Quartz job in the JDBC
 * store: on a cluster one node pushes each round. No URLs: no job (one left from an
 * earlier start is removed). A round missed while the service was down is not caught up:
 * the next one says all.
 */
@Component
class AlertmanagerSchedule implements SmartInitializingSingleton {

	private static final Logger logger = LoggerFactory.getLogger(AlertmanagerSchedule.class);

	static final JobKey JOB = JobKey.jobKey("alertmanager-push", "alertmanager");

	private final Scheduler scheduler;

	private final AlertmanagerProperties properties;

	AlertmanagerSchedule(Scheduler scheduler, AlertmanagerProperties properties) {
		this.scheduler = scheduler;
		this.properties = properties;
	}

	@Override
	public void afterSingletonsInstantiated() {
		SimpleScheduleBuilder schedule = this.properties.enabled() ? SimpleScheduleBuilder.simpleSchedule()
			.withIntervalInMilliseconds(this.properties.interval().toMillis())
			.repeatForever()
			.withMisfireHandlingInstructionNextWithRemainingCount() : null;
		if (OptionalJob.scheduleOrRemove(this.scheduler, JOB, PushJob.class, schedule)) {
			logger.info("No harbinger.alertmanager.urls: alerts are no longer pushed to Alertmanager");
		}
	}

	/** One round of the push; rounds never overlap. */
	@DisallowConcurrentExecution
	static class PushJob extends QuartzJobBean {

		private final AlertmanagerPush push;

		PushJob(AlertmanagerPush push) {
			this.push = push;
		}

		@Override
		protected void executeInternal(JobExecutionContext context) {
			this.push.push();
		}

	}

}
