package org.medmesh.node.adapter.out.keys;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import org.medmesh.chaincode.crypto.Base64Url;
import org.medmesh.node.application.port.NodeKeysException;

/**
 * The passphrase the node's keys are sealed under: the configured one ({@code medmesh.node.key-passphrase}, from
 * {@code MEDMESH_NODE_KEY_PASSPHRASE}), or else a random one the node keeps in a file next to its keys. The file
 * only protects the keys from someone who copies the key file alone (a backup, a log bundle); whoever can read
 * the data directory can read both, which is why production sets the environment variable.
 */
final class KeyPassphrase {
    static final String FILE_NAME = "passphrase";
    static final String SETTING = "medmesh.node.key-passphrase (environment MEDMESH_NODE_KEY_PASSPHRASE)";

    private final char[] characters;
    private final Path file;

    private KeyPassphrase(char[] characters, Path file) {
        this.characters = characters;
        this.file = file;
    }

    static KeyPassphrase configured(String passphrase) {
        if (passphrase.isEmpty()) {
            throw new NodeKeysException(NodeKeysException.Code.NO_PASSPHRASE, SETTING + " is set but empty", null);
        }
        return new KeyPassphrase(passphrase.toCharArray(), null);
    }

    /** The passphrase file in {@code directory}; created only when there is no key file it could fail to open. */
    static KeyPassphrase fromFile(Path directory, boolean keysExist, SecureRandom random) {
        Path file = directory.resolve(FILE_NAME);
        if (Files.exists(file)) {
            return new KeyPassphrase(readStripped(file), file);
        }
        if (keysExist) {
            throw new NodeKeysException(NodeKeysException.Code.NO_PASSPHRASE, "the node's keys in " + directory
                    + " are sealed under a passphrase, but " + SETTING + " is not set and there is no passphrase"
                    + " file; set it to the passphrase the keys were sealed with", null);
        }
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        byte[] content = (Base64Url.encode(secret) + "\n").getBytes(StandardCharsets.US_ASCII);
        Arrays.fill(secret, (byte) 0);
        try {
            KeyFiles.createNew(file, content);
        } finally {
            Arrays.fill(content, (byte) 0);
        }
        return new KeyPassphrase(readStripped(file), file);
    }

    /** The passphrase; owned by this object, callers must not change it. */
    char[] characters() {
        return characters;
    }

    boolean fromFile() {
        return file != null;
    }

    /** Where the passphrase came from, for messages. */
    String source() {
        return fromFile() ? "the passphrase file " + file : SETTING;
    }

    @Override
    public String toString() {
        return "KeyPassphrase[" + (fromFile() ? file : "configured") + ", hidden]";
    }

    private static char[] readStripped(Path file) {
        byte[] bytes = KeyFiles.read(file);
        CharBuffer text = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(bytes));
        Arrays.fill(bytes, (byte) 0);
        int start = text.position();
        int end = text.limit();
        while (start < end && Character.isWhitespace(text.get(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.get(end - 1))) {
            end--;
        }
        char[] characters = new char[end - start];
        text.position(start);
        text.get(characters);
        Arrays.fill(text.array(), '\0');
        if (characters.length == 0) {
            throw new NodeKeysException(NodeKeysException.Code.NO_PASSPHRASE, "the passphrase file " + file
                    + " is empty", null);
        }
        return characters;
    }
}
