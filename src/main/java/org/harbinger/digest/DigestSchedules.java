package org.harbinger.digest;

import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TimeZone;

import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;

import org.springframework.stereotype.Component;

/**
 * One Quartz job per subscription, kept in step with the subscriptions in force, at
 * start-up and after each change: a job is (re)scheduled only when its cron or time zone
 * differs, and jobs of subscriptions no longer wanted are deleted. A digest missed while
 * the service was down is sent once on restart (fire and proceed).
 */
@Component
class DigestSchedules {

	static final String DIGEST_GROUP = "digest";

	private final Scheduler scheduler;

	private final DigestCursors cursors;

	DigestSchedules(Scheduler scheduler, DigestCursors cursors) {
		this.scheduler = scheduler;
		this.cursors = cursors;
	}

	void reconcile(List<Subscription> subscriptions) {
		try {
			Set<JobKey> wanted = new HashSet<>();
			for (Subscription subscription : subscriptions) {
				this.cursors.startIfNew(subscription.name());
				if (subscription.flash()) {
					this.cursors.startIfNew(FlashNotices.FLASH_CURSOR + subscription.name());
				}
				JobKey job = JobKey.jobKey(subscription.name(), DIGEST_GROUP);
				wanted.add(job);
				if (!isScheduled(subscription)) {
					schedule(subscription, job);
				}
			}
			for (JobKey existing : this.scheduler.getJobKeys(GroupMatcher.jobGroupEquals(DIGEST_GROUP))) {
				if (!wanted.contains(existing)) {
					this.scheduler.deleteJob(existing);
				}
			}
		}
		catch (SchedulerException ex) {
			throw new IllegalStateException("Cannot schedule the digests", ex);
		}
	}

	/** When the subscription's next digest is due, if it is scheduled. */
	Optional<Date> nextDigest(String subscription) {
		try {
			Trigger trigger = this.scheduler.getTrigger(TriggerKey.triggerKey(subscription, DIGEST_GROUP));
			return Optional.ofNullable((trigger != null) ? trigger.getNextFireTime() : null);
		}
		catch (SchedulerException ex) {
			throw new IllegalStateException("Cannot read the digest schedule", ex);
		}
	}

	private boolean isScheduled(Subscription subscription) throws SchedulerException {
		return this.scheduler.getTrigger(TriggerKey.triggerKey(subscription.name(), DIGEST_GROUP)) instanceof CronTrigger cron
				&& cron.getCronExpression().equals(subscription.cron())
				&& cron.getTimeZone().toZoneId().equals(subscription.timeZone());
	}

	private void schedule(Subscription subscription, JobKey job) throws SchedulerException {
		JobDetail detail = JobBuilder.newJob(DigestConfiguration.DigestJob.class)
			.withIdentity(job)
			.usingJobData(DigestConfiguration.DigestJob.SUBSCRIPTION, subscription.name())
			.storeDurably()
			.build();
		CronTrigger trigger = TriggerBuilder.newTrigger()
			.forJob(job)
			.withIdentity(TriggerKey.triggerKey(subscription.name(), DIGEST_GROUP))
			.withSchedule(CronScheduleBuilder.cronSchedule(subscription.cron())
				.inTimeZone(TimeZone.getTimeZone(subscription.timeZone()))
				.withMisfireHandlingInstructionFireAndProceed())
			.build();
		this.scheduler.scheduleJob(detail, Set.of(trigger), true);
	}

}
