package vn.gov.portal.oversight.conformance;

/** A check's result on one site. NOT_APPLICABLE: the rule does not bind the site yet (not live). */
public enum Outcome {
    PASS,
    FAIL,
    NOT_APPLICABLE
}
