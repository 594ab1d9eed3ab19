package org.harbinger.system;

import java.util.Set;

import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.ScheduleBuilder;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;

/**
 * A Quartz job in the JDBC store that exists only while a feature is set up (the ACLED
 * pull, the Alertmanager push): scheduled at start with its trigger named as the job,
 * replacing one from an earlier start, or removed when the feature is no longer set up.
 */
public final class OptionalJob {

	private OptionalJob() {
	}

	/**
	 * Schedules {@code type} as {@code job} on {@code schedule}, or removes the job when
	 * {@code schedule} is null; true when a job left from an earlier start was removed.
	 */
	public static boolean scheduleOrRemove(Scheduler scheduler, JobKey job, Class<? extends Job> type,
			ScheduleBuilder<? extends Trigger> schedule) {
		try {
			if (schedule == null) {
				return scheduler.deleteJob(job);
			}
			JobDetail detail = JobBuilder.newJob(type).withIdentity(job).storeDurably().build();
			Trigger trigger = TriggerBuilder.newTrigger()
				.forJob(job)
				.withIdentity(job.getName(), job.getGroup())
				.withSchedule(schedule)
				.build();
			scheduler.scheduleJob(detail, Set.of(trigger), true);
			return false;
		}
		catch (SchedulerException ex) {
			throw new IllegalStateException("Cannot schedule the job " + job, ex);
		}
	}

}
