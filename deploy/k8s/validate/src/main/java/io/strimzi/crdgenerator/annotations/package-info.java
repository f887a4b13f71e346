/**
 * Stand-ins for the annotations of Strimzi's CRD generator (io.strimzi:crd-generator, which Maven Central
 * does not serve; io.strimzi:api only names them). The api model's classes carry these annotations with
 * their CRD rules (required in which API version, present in which, patterns, bounds); with types of the
 * same names and members on the classpath the JVM reads them, and deploy/k8s/validate checks those rules.
 * Written here, not copied: only the names and members are Strimzi's.
 */
package io.strimzi.crdgenerator.annotations;
