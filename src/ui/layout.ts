/** Matches the phone layout of styles.css (panels become bottom sheets, options fold away). */
export const PHONE_QUERY = '(max-width: 640px)';
