package org.harbinger.digest;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends a message through SMTP when {@code spring.mail.host} is set, else writes it as an
 * .eml file. Either way the message keeps the Message-ID stored in the outbox, so a
 * re-send after a crash is recognisable as the same message.
 */
@Component
class Mailer {

	private final JavaMailSender smtp;

	private final MailProperties properties;

	Mailer(ObjectProvider<JavaMailSender> smtp, MailProperties properties) {
		this.smtp = smtp.getIfAvailable();
		this.properties = properties;
		if (this.smtp instanceof JavaMailSenderImpl impl) {
			timeouts(impl.getJavaMailProperties(), properties);
		}
	}

	/**
	 * JavaMail waits forever by default: a relay that accepts and never answers would
	 * hold the sender for good. Set for smtp and smtps alike; a value set in
	 * spring.mail.properties wins.
	 */
	static void timeouts(Properties mail, MailProperties properties) {
		for (String protocol : List.of("smtp", "smtps")) {
			mail.putIfAbsent("mail." + protocol + ".connectiontimeout",
					String.valueOf(properties.connectTimeout().toMillis()));
			mail.putIfAbsent("mail." + protocol + ".timeout", String.valueOf(properties.readTimeout().toMillis()));
			mail.putIfAbsent("mail." + protocol + ".writetimeout",
					String.valueOf(properties.writeTimeout().toMillis()));
		}
	}

	/** Delivers the message; returns where it went ("smtp" or the .eml path). */
	String deliver(OutboxMessage message) throws MessagingException, IOException {
		return deliver(message, List.of());
	}

	/**
	 * Delivers the message with the images its HTML shows inline (multipart/related, by
	 * Content-ID).
	 */
	String deliver(OutboxMessage message, List<Digest.InlineImage> images) throws MessagingException, IOException {
		Session session = (this.smtp != null) ? this.smtp.createMimeMessage().getSession()
				: Session.getInstance(new Properties());
		MimeMessage mime = new StableIdMessage(session, message.messageId());
		MimeMessageHelper helper = new MimeMessageHelper(mime, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED, "UTF-8");
		helper.setFrom(this.properties.from());
		helper.setTo(message.recipients().toArray(String[]::new));
		helper.setSubject(message.subject());
		helper.setText(message.text(), message.html());
		for (Digest.InlineImage image : images) {
			// Named, so a client that lists inline parts shows attack-surge-AF.png, not
			// "inline".
			helper.addInline(image.contentId(), image.fileName(), new ByteArrayResource(image.data()),
					image.contentType());
		}
		if (this.smtp != null) {
			this.smtp.send(mime);
			return "smtp";
		}
		Path dir = this.properties.emlDir();
		Files.createDirectories(dir);
		Path file = dir.resolve("digest-" + message.id() + "-" + message.subscription() + ".eml");
		Path partial = dir.resolve(file.getFileName() + ".part");
		try (OutputStream out = Files.newOutputStream(partial)) {
			mime.writeTo(out);
		}
		Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		return file.toString();
	}

	/** JavaMail assigns a fresh Message-ID on every save; ours must stay the outbox's. */
	private static final class StableIdMessage extends MimeMessage {

		private final String messageId;

		StableIdMessage(Session session, String messageId) {
			super(session);
			this.messageId = messageId;
		}

		@Override
		protected void updateMessageID() throws MessagingException {
			setHeader("Message-ID", this.messageId);
		}

	}

}
