from tests.ui.visits.test_visit_form import open_form, tab, type_text, Qt, QApplication
def test_dbg(qtbot, context, shop, tab):
    form = open_form(qtbot, tab)
    type_text(qtbot, form.order.product_edit, "巧乐兹")
    print("text1", repr(form.order.product_edit.text()), form.order.product_edit.completer().popup().isVisible())
    qtbot.keyClick(form.order.product_edit, Qt.Key.Key_Return)
    print("text2", repr(form.order.product_edit.text()), QApplication.focusWidget())
    qtbot.keyClick(form.order.quantity_edit, Qt.Key.Key_Return)
    print("text3", repr(form.order.product_edit.text()), form.order.add_error.text(), form.order.lines.lines)
