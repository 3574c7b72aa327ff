-- Reports whose accession number matches no imaging study: listed as bad rows.
SELECT r.accession_number
FROM radiology_reports r
LEFT JOIN imaging_studies s ON s.accession_number = r.accession_number
WHERE s.accession_number IS NULL
ORDER BY r.accession_number
