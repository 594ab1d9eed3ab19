package org.harbinger.web;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** What was sent to whom and when: the latest outbox rows with their status, attempts and last error. */
@Controller
class OutboxPage {

	private static final int LIMIT = 200;

	private final JdbcClient jdbc;

	OutboxPage(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** One message as the page lists it (the bodies stay in the outbox). */
	record Message(long id, String subscription, String recipients, String subject, String status, int attempts,
			Instant createdAt, Instant sentAt, String deliveredTo, String lastError) {
	}

	@GetMapping("/outbox")
	String outbox(Model model) {
		List<Message> messages = this.jdbc
			.sql("SELECT id, subscription, recipients, subject, status, attempts, created_at, sent_at, delivered_to, "
					+ "last_error FROM outbox ORDER BY id DESC")
			.withMaxRows(LIMIT)
			.query((rs, row) -> new Message(rs.getLong("id"), rs.getString("subscription"),
					rs.getString("recipients").replace(",", ", "), rs.getString("subject"), rs.getString("status"),
					rs.getInt("attempts"), rs.getTimestamp("created_at").toInstant(), instant(rs.getTimestamp("sent_at")),
					rs.getString("delivered_to"), rs.getString("last_error")))
			.list();
		model.addAttribute("messages", messages);
		model.addAttribute("limit", LIMIT);
		return "outbox";
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
