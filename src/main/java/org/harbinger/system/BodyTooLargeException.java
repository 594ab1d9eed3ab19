package org.harbinger.system;

import java.io.IOException;

/**
 * A request body that went past its limit while it was read: answered 413 with this
 * message.
 */
public class BodyTooLargeException extends IOException {

	public BodyTooLargeException(long limit, String setting) {
		super("the request body is larger than " + limit + " bytes, the limit set by " + setting);
	}

}
