package io.dealgraph.cli;

/** Thrown by a command for arguments it cannot use; the dispatcher prints the message and the usage, exit 2. */
public class UsageException extends RuntimeException {

    public UsageException(String message) {
        super(message);
    }
}
