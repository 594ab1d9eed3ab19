package org.harbinger.digest;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.TimeZone;

import org.harbinger.system.EditableFiles;
import org.harbinger.system.HarbingerProperties;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
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
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.quartz.QuartzJobBean;

@Configuration(proxyBeanMethods = false)
class DigestConfiguration {

	static final String DIGEST_GROUP = "digest";

	@Bean
	Subscriptions subscriptions(HarbingerProperties properties) {
		return new Subscriptions(SubscriptionsFile.read(EditableFiles.read(properties.configDir(), "config", "subscriptions.yml")));
	}

	@Bean
	JobDetail outboxDispatchJob() {
		return JobBuilder.newJob(OutboxDispatchJob.class).withIdentity("outbox-dispatch", "mail").storeDurably().build();
	}

	@Bean
	Trigger outboxDispatchTrigger(JobDetail outboxDispatchJob, MailProperties properties) {
		return repeating(outboxDispatchJob, properties.dispatchInterval());
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

	/** A trigger named as its job, firing every {@code interval}; runs missed while down are not caught up. */
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
	 * One Quartz job per subscription, kept in step with subscriptions.yml at start-up. A
	 * digest missed while the service was down is sent once on restart (fire and proceed).
	 */
	@Bean
	SmartInitializingSingleton digestSchedules(Scheduler scheduler, Subscriptions subscriptions, DigestCursors cursors) {
		return () -> {
			try {
				Set<JobKey> wanted = new HashSet<>();
				for (Subscription subscription : subscriptions.all()) {
					cursors.startIfNew(subscription.name());
					if (subscription.flash()) {
						cursors.startIfNew(FlashNotices.FLASH_CURSOR + subscription.name());
					}
					JobKey job = JobKey.jobKey(subscription.name(), DIGEST_GROUP);
					wanted.add(job);
					JobDetail detail = JobBuilder.newJob(DigestJob.class)
						.withIdentity(job)
						.usingJobData(DigestJob.SUBSCRIPTION, subscription.name())
						.storeDurably()
						.build();
					CronTrigger trigger = TriggerBuilder.newTrigger()
						.forJob(job)
						.withIdentity(TriggerKey.triggerKey(subscription.name(), DIGEST_GROUP))
						.withSchedule(CronScheduleBuilder.cronSchedule(subscription.cron())
							.inTimeZone(TimeZone.getTimeZone(subscription.timeZone()))
							.withMisfireHandlingInstructionFireAndProceed())
						.build();
					scheduler.scheduleJob(detail, Set.of(trigger), true);
				}
				for (JobKey existing : scheduler.getJobKeys(GroupMatcher.jobGroupEquals(DIGEST_GROUP))) {
					if (!wanted.contains(existing)) {
						scheduler.deleteJob(existing);
					}
				}
			}
			catch (SchedulerException ex) {
				throw new IllegalStateException("Cannot schedule the digests", ex);
			}
		};
	}

	/** Runs one subscription's digest, then sends what it queued. */
	@DisallowConcurrentExecution
	static class DigestJob extends QuartzJobBean {

		static final String SUBSCRIPTION = "subscription";

		private final Digests digests;

		private final OutboxDispatcher dispatcher;

		DigestJob(Digests digests, OutboxDispatcher dispatcher) {
			this.digests = digests;
			this.dispatcher = dispatcher;
		}

		@Override
		protected void executeInternal(JobExecutionContext context) {
			if (this.digests.run(context.getMergedJobDataMap().getString(SUBSCRIPTION)).isPresent()) {
				this.dispatcher.dispatchDue();
			}
		}

	}

	/** Queues flash notices and silence-expiry notices, then sends them. */
	@DisallowConcurrentExecution
	static class NoticesJob extends QuartzJobBean {

		private final Subscriptions subscriptions;

		private final FlashNotices flash;

		private final SilenceExpiryNotices expiries;

		private final OutboxDispatcher dispatcher;

		NoticesJob(Subscriptions subscriptions, FlashNotices flash, SilenceExpiryNotices expiries,
				OutboxDispatcher dispatcher) {
			this.subscriptions = subscriptions;
			this.flash = flash;
			this.expiries = expiries;
			this.dispatcher = dispatcher;
		}

		@Override
		protected void executeInternal(JobExecutionContext context) {
			int queued = this.flash.run(this.subscriptions.all())
					+ this.expiries.run(this.subscriptions.all(), Instant.now());
			if (queued > 0) {
				this.dispatcher.dispatchDue();
			}
		}

	}

	/** Sends due outbox messages, including retries. */
	@DisallowConcurrentExecution
	static class OutboxDispatchJob extends QuartzJobBean {

		private final OutboxDispatcher dispatcher;

		OutboxDispatchJob(OutboxDispatcher dispatcher) {
			this.dispatcher = dispatcher;
		}

		@Override
		protected void executeInternal(JobExecutionContext context) {
			this.dispatcher.dispatchDue();
		}

	}

}
