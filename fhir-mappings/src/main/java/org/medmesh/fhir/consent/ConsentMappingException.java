package org.medmesh.fhir.consent;

import java.util.Objects;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.OperationOutcome.OperationOutcomeIssueComponent;

/**
 * A Consent (or the bytes of one) that MedMesh refuses rather than narrow or widen: one error issue with its code
 * ({@code not-supported}: valid FHIR the provision tree cannot express; {@code invalid}: missing or malformed), the
 * FHIRPath of the offending element, and a fixed sentence that never quotes the input, so it is safe to log and to
 * return to the sender.
 */
public final class ConsentMappingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final IssueType code;
    private final String path;

    ConsentMappingException(IssueType code, String path, String diagnostics) {
        super(path + ": " + diagnostics, null, false, false);
        this.code = Objects.requireNonNull(code, "code");
        this.path = Objects.requireNonNull(path, "path");
    }

    static ConsentMappingException notSupported(String path, String diagnostics) {
        return new ConsentMappingException(IssueType.NOTSUPPORTED, path, diagnostics);
    }

    static ConsentMappingException invalid(String path, String diagnostics) {
        return new ConsentMappingException(IssueType.INVALID, path, diagnostics);
    }

    /** The issue type: {@code not-supported}, {@code invalid}, or {@code structure} (bytes that are no Consent). */
    public IssueType code() {
        return code;
    }

    /** FHIRPath of the offending element, e.g. {@code Consent.provision.provision[0].data}. */
    public String path() {
        return path;
    }

    /** A new OperationOutcome with one error issue (code, diagnostics, expression and location set to the path). */
    public OperationOutcome outcome() {
        OperationOutcome outcome = new OperationOutcome();
        OperationOutcomeIssueComponent issue = outcome.addIssue()
                .setSeverity(IssueSeverity.ERROR)
                .setCode(code)
                .setDiagnostics(getMessage());
        // R4 deprecates location in favour of expression; HAPI's own validator fills both, and so do we.
        issue.addExpression(path);
        issue.addLocation(path);
        return outcome;
    }
}
