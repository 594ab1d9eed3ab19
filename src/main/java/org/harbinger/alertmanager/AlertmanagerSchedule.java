package org.harbinger.alertmanager;

import java.util.Set;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
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
		try {
			if (!this.properties.enabled()) {
				if (this.scheduler.deleteJob(JOB)) {
					logger.info("No harbinger.alertmanager.urls: alerts are no longer pushed to Alertmanager");
				}
				return;
			}
			JobDetail detail = JobBuilder.newJob(PushJob.class).withIdentity(JOB).storeDurably().build();
			Trigger trigger = TriggerBuilder.newTrigger()
				.forJob(JOB)
				.withIdentity(JOB.getName(), JOB.getGroup())
				.withSchedule(SimpleScheduleBuilder.simpleSchedule()
					.withIntervalInMilliseconds(this.properties.interval().toMillis())
					.repeatForever()
					.withMisfireHandlingInstructionNextWithRemainingCount())
				.build();
			this.scheduler.scheduleJob(detail, Set.of(trigger), true);
		}
		catch (SchedulerException ex) {
			throw new IllegalStateException("Cannot schedule the Alertmanager push", ex);
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
