package org.harbinger.digest;

import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TimeZone;

import org.harbinger.system.SharedConfig;
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
import org.springframework.transaction.support.TransactionTemplate;

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

	private final TransactionTemplate transactions;

	DigestSchedules(Scheduler scheduler, DigestCursors cursors, TransactionTemplate transactions) {
		this.scheduler = scheduler;
		this.cursors = cursors;
		this.transactions = transactions;
	}

	/**
	 * Schedules the subscriptions in force, and deletes the jobs of those a change
	 * removed: never a job merely unknown here, which may be another node's newer
	 * subscription.
	 */
	void reconcile(List<Subscription> subscriptions, Collection<String> removed) {
		// In one transaction, so Quartz's row lock holds until the end: two nodes putting
		// the
		// same version in force replace each other's job in turn instead of colliding.
		this.transactions.executeWithoutResult((status) -> schedule(subscriptions, removed));
	}

	private void schedule(List<Subscription> subscriptions, Collection<String> removed) {
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
			for (String name : removed) {
				JobKey job = JobKey.jobKey(name, DIGEST_GROUP);
				if (!wanted.contains(job)) {
					this.scheduler.deleteJob(job);
				}
			}
		}
		catch (SchedulerException ex) {
			throw new IllegalStateException("Cannot schedule the digests", ex);
		}
	}

	/**
	 * At start-up. A node alone on its database removes the jobs of subscriptions no
	 * longer in its file (edited while it was down). A node sharing its configuration
	 * removes only those its file removed from the shared version (the file was edited
	 * after it, docs/architecture.md, "Shared configuration"): a job it does not know may
	 * belong to another node's newer version.
	 */
	void start(List<Subscription> inForce, Optional<SharedConfig.Version> shared, boolean sharing) {
		try {
			Set<String> removed = new HashSet<>();
			if (!sharing) {
				this.scheduler.getJobKeys(GroupMatcher.jobGroupEquals(DIGEST_GROUP))
					.forEach((job) -> removed.add(job.getName()));
			}
			else if (shared.isPresent()) {
				removed.addAll(SubscriptionsFile.names(shared.get().content()));
			}
			inForce.forEach((subscription) -> removed.remove(subscription.name()));
			reconcile(inForce, removed);
		}
		catch (SchedulerException ex) {
			throw new IllegalStateException("Cannot read the digest jobs", ex);
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
		return this.scheduler
			.getTrigger(TriggerKey.triggerKey(subscription.name(), DIGEST_GROUP)) instanceof CronTrigger cron
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
