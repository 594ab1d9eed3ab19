package org.harbinger.digest;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

/**
 * Reads what GreenMail received: the shared test context's mail, filtered by recipient.
 */
final class Mails {

	private Mails() {
	}

	static List<MimeMessage> to(GreenMailExtension smtp, String recipient) {
		return Arrays.stream(smtp.getReceivedMessages()).filter((mail) -> {
			try {
				return Arrays.stream(mail.getRecipients(Message.RecipientType.TO))
					.anyMatch((address) -> address.toString().equals(recipient));
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

	/** The text/plain and text/html bodies by content type. */
	static Map<String, String> texts(MimeMessage mail) throws Exception {
		Map<String, String> texts = new LinkedHashMap<>();
		for (BodyPart part : leaves(mail)) {
			String type = part.getContentType().split(";")[0].trim().toLowerCase();
			if (type.startsWith("text/")) {
				texts.put(type, String.valueOf(part.getContent()));
			}
		}
		return texts;
	}

	/** The parts that are not text: inline images and attachments. */
	static List<BodyPart> images(MimeMessage mail) throws Exception {
		List<BodyPart> images = new ArrayList<>();
		for (BodyPart part : leaves(mail)) {
			if (part.getContentType().toLowerCase().startsWith("image/")) {
				images.add(part);
			}
		}
		return images;
	}

	static byte[] bytes(BodyPart part) throws Exception {
		try (InputStream in = part.getInputStream()) {
			return in.readAllBytes();
		}
	}

	private static List<BodyPart> leaves(MimeMessage mail) throws Exception {
		List<BodyPart> leaves = new ArrayList<>();
		collect(mail.getContent(), leaves);
		return leaves;
	}

	private static void collect(Object content, List<BodyPart> leaves) throws Exception {
		if (content instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart part = multipart.getBodyPart(i);
				if (part.getContent() instanceof Multipart nested) {
					collect(nested, leaves);
				}
				else {
					leaves.add(part);
				}
			}
		}
	}

}
