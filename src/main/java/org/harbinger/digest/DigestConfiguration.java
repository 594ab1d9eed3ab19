package org.harbinger.digest;

import org.harbinger.system.EditableFiles;
import org.harbinger.system.HarbingerProperties;
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
	Subscriptions subscriptions(HarbingerProperties properties) {
		return new Subscriptions(SubscriptionsFile.read(EditableFiles.read(properties.configDir(), "config", "subscriptions.yml")));
	}

	@Bean
	JobDetail outboxDispatchJob() {
		return JobBuilder.newJob(OutboxDispatchJob.class).withIdentity("outbox-dispatch", "mail").storeDurably().build();
	}

	@Bean
	Trigger outboxDispatchTrigger(JobDetail outboxDispatchJob, MailProperties properties) {
		return TriggerBuilder.newTrigger()
			.forJob(outboxDispatchJob)
			.withIdentity("outbox-dispatch", "mail")
			.withSchedule(SimpleScheduleBuilder.simpleSchedule()
				.withIntervalInMilliseconds(properties.dispatchInterval().toMillis())
				.repeatForever()
				.withMisfireHandlingInstructionNextWithRemainingCount())
			.build();
	}

	/** One Quartz job per subscription, kept in step with subscriptions.yml at start-up. */
	@Bean
	SmartInitializingSingleton scheduleDigests(DigestSchedules schedules, Subscriptions subscriptions) {
		return () -> schedules.reconcile(subscriptions.all());
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
