package org.medmesh.node.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The domain stays plain Java; use cases and ports do not reach into adapters. */
@AnalyzeClasses(packages = "org.medmesh.node", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule domain_depends_on_no_framework_or_adapter = noClasses()
            .that().resideInAPackage("org.medmesh.node.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("org.hyperledger..", "org.bouncycastle..",
                    "com.fasterxml..", "io.micronaut..", "ca.uhn..", "org.medmesh.ledger..", "org.medmesh.chaincode..",
                    "org.medmesh.node.adapter..", "org.medmesh.node.application..", "java.sql..");

    @ArchTest
    static final ArchRule application_does_not_depend_on_adapters = noClasses()
            .that().resideInAPackage("org.medmesh.node.application..")
            .should().dependOnClassesThat().resideInAnyPackage("org.medmesh.node.adapter..",
                    "org.medmesh.ledger..", "org.hyperledger..");
}
