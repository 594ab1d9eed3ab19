package org.harbinger.digest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * An administrator's hand on the outbox, for the API and the outbox page: send a message
 * again now, send every undelivered one now (after an outage was fixed), or stop retrying
 * one. Each records who did it on the message, and logs it.
 */
@Service
public class OutboxAdmin {

	private static final Logger logger = LoggerFactory.getLogger(OutboxAdmin.class);

	/** What became of a request about one message. */
	public enum Outcome {

		/** Done. */
		DONE,
		/** No message has that id. */
		NOT_FOUND,
		/**
		 * The message is being sent, or was delivered (or, for a cancel, was cancelled
		 * already).
		 */
		REFUSED

	}

	private final Outbox outbox;

	private final OutboxSender sender;

	OutboxAdmin(Outbox outbox, OutboxSender sender) {
		this.outbox = outbox;
		this.sender = sender;
	}

	/** Makes the message due now: an undelivered one, or one cancelled before. */
	public Outcome resend(long id, String who) {
		Outcome outcome = outcome(id, this.outbox.resend(id, who));
		if (outcome == Outcome.DONE) {
			logger.info("Outbox message {} resent by {}", id, who);
			this.sender.wake();
		}
		return outcome;
	}

	/** Makes every undelivered message due now; how many. */
	public int resendUndelivered(String who) {
		int resent = this.outbox.resendUndelivered(who);
		logger.info("{} undelivered outbox messages resent by {}", resent, who);
		this.sender.wake();
		return resent;
	}

	/** Stops retrying an undelivered message. */
	public Outcome cancel(long id, String who) {
		Outcome outcome = outcome(id, this.outbox.cancel(id, who));
		if (outcome == Outcome.DONE) {
			logger.info("Outbox message {} cancelled by {}", id, who);
		}
		return outcome;
	}

	/** Why an outcome is REFUSED, in words for an administrator. */
	public String refusal(long id) {
		String status = this.outbox.status(id);
		return "message " + id + " is " + status + ": " + switch (status) {
			case "SENT" -> "it was delivered";
			case "SENDING" -> "it is being sent right now; try again in a minute";
			default -> "nothing to do";
		};
	}

	private Outcome outcome(long id, boolean done) {
		if (done) {
			return Outcome.DONE;
		}
		return (this.outbox.status(id) == null) ? Outcome.NOT_FOUND : Outcome.REFUSED;
	}

}
