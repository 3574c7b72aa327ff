"""The de-identification batches: the workflow's image and report batches and the records they write.

A batch reads its plan (written by ``cxrbuild.ids``), de-identifies into a
staging folder at the release's relative paths and lists every planned item in
its records file; packaging (``cxrbuild.publish``) reads only those records.
"""
