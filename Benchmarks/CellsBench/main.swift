import Cells
print("placeholder")
