"""The app's printing: print actions with a preview, the day's batch, the print settings.

``actions`` opens a document's preview from wherever its data is shown
(one function per document, taking the session, what to print and a parent
widget); ``menu`` adds the window's entries; ``printer`` sends a rendered
PDF to a QPrinter off the GUI thread. The documents themselves come from
``fieldcrm.printing``, which knows nothing of Qt.
"""
