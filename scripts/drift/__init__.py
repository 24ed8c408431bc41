"""`make drift`: compare the documents in spec/ with the vendors' published OpenAPI documents.

    python -m scripts.drift                      # both vendors
    python -m scripts.drift --vendor infobip     # one vendor

Each vendor's document is read from the file or https URL in its environment variable
(``INFOBIP_VENDOR_SPEC``, ``BANDWIDTH_VENDOR_SPEC``); no vendor document is kept in the repository.

The modules, in the order a run uses them:

- ``load``: read a document from a file or URL, bounded in size and time.
- ``normalise``: one view of a document in which notation no longer matters ($ref or inline, a
  single-branch allOf, 3.0 ``nullable`` and boolean ``exclusiveMinimum``, XML media types, range
  statuses, security scheme names, readOnly/writeOnly, server base paths).
- ``compare``: walk our document and the vendor's side by side and list every difference.
- ``register``: the decision register (spec/decisions.yaml) that explains deliberate differences,
  and the check that each of its entries still matches something.
- ``report``: the Markdown and JSON reports under reports/.
- ``readme``: the decision tables of spec/README.md, generated from the register.
"""
