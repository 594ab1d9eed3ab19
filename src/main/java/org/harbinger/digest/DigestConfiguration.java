package org.harbinger.digest;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.harbinger.system.EditableFiles;
import org.harbinger.system.HarbingerProperties;
import org.harbinger.system.SharedConfig;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.quartz.QuartzJobBean;

@Configuration(proxyBeanMethods = false)
class DigestConfiguration {

	@Bean
	Subscriptions subscriptions(HarbingerProperties properties, SharedConfig shared) {
		// Before the file is first read: the version in force on the other nodes.
		shared.prepare(SubscriptionChanges.AUDIT_FILE, properties.configDir().resolve(SubscriptionChanges.FILE));
		return new Subscriptions(
				SubscriptionsFile.read(EditableFiles.read(properties.configDir(), "config", "subscriptions.yml")));
	}

	@Bean
	JobDetail noticesJob() {
		return JobBuilder.newJob(NoticesJob.class).withIdentity("notices", "mail").storeDurably().build();
	}

	/** Often enough that a flash notice leaves within a minute of the transition. */
	@Bean
	Trigger noticesTrigger(JobDetail noticesJob, MailProperties properties) {
		return repeating(noticesJob, properties.noticeInterval());
	}

	/**
	 * A trigger named as its job, firing every {@code interval}; runs missed while down
	 * are not caught up.
	 */
	private static Trigger repeating(JobDetail job, Duration interval) {
		return TriggerBuilder.newTrigger()
			.forJob(job)
			.withIdentity(job.getKey().getName(), job.getKey().getGroup())
			.withSchedule(SimpleScheduleBuilder.simpleSchedule()
				.withIntervalInMilliseconds(interval.toMillis())
				.repeatForever()
				.withMisfireHandlingInstructionNextWithRemainingCount())
			.build();
	}

	/**
	 * One Quartz job per subscription, kept in step with subscriptions.yml at start-up.
	 */
	@Bean
	SmartInitializingSingleton scheduleDigests(DigestSchedules schedules, Subscriptions subscriptions,
			SharedConfig shared) {
		return () -> schedules.start(subscriptions.all(),
				shared.sharing() ? shared.latest(SubscriptionChanges.AUDIT_FILE) : Optional.empty(), shared.sharing());
	}

	/**
	 * Runs one subscription's digest and hands what it queued to the sender (never sends
	 * on a Quartz worker).
	 */
	@DisallowConcurrentExecution
	static class DigestJob extends QuartzJobBean {

		static final String SUBSCRIPTION = "subscription";

		private final Digests digests;

		private final OutboxSender sender;

		DigestJob(Digests digests, OutboxSender sender) {
			this.digests = digests;
			this.sender = sender;
		}

		@Override
		protected void executeInternal(JobExecutionContext context) {
			if (this.digests.run(context.getMergedJobDataMap().getString(SUBSCRIPTION)).isPresent()) {
				this.sender.wake();
			}
		}

	}

	/** Queues flash notices and silence-expiry notices and hands them to the sender. */
	@DisallowConcurrentExecution
	static class NoticesJob extends QuartzJobBean {

		private final Subscriptions subscriptions;

		private final FlashNotices flash;

		private final SilenceExpiryNotices expiries;

		private final OutboxSender sender;

		NoticesJob(Subscriptions subscriptions, FlashNotices flash, SilenceExpiryNotices expiries,
				OutboxSender sender) {
			this.subscriptions = subscriptions;
			this.flash = flash;
			this.expiries = expiries;
			this.sender = sender;
		}

		@Override
		protected void executeInternal(JobExecutionContext context) {
			int queued = this.flash.run(this.subscriptions.all())
					+ this.expiries.run(this.subscriptions.all(), Instant.now());
			if (queued > 0) {
				this.sender.wake();
			}
		}

	}

}
