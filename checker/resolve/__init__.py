"""Resolution: the publication date, and every temporal mention placed on the calendar
once, with how it was placed and the links between mentions."""
