package org.medmesh.patient.seal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.medmesh.chaincode.crypto.Sha256;
import org.medmesh.chaincode.json.CanonicalJson;

/** Edits a sealed envelope the way a deliberate attacker would: change fields, then fix up the checksum. */
public final class EnvelopeTampering {

    private EnvelopeTampering() {
    }

    public static byte[] edit(byte[] envelope, Consumer<ObjectNode> change) {
        ObjectNode document = CanonicalJson.parseObject(new String(envelope, StandardCharsets.UTF_8));
        document.remove("checksum");
        change.accept(document);
        document.put("checksum", Sha256.hex(CanonicalJson.bytes(document)));
        return CanonicalJson.bytes(document);
    }

    public static String field(byte[] envelope, String name) {
        return CanonicalJson.parseObject(new String(envelope, StandardCharsets.UTF_8)).get(name).asText();
    }

    public static byte[] flipped(byte[] bytes, int index, int mask) {
        byte[] copy = bytes.clone();
        copy[index] ^= (byte) mask;
        return copy;
    }
}
