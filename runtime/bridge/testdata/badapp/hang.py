import time

time.sleep(60)
app = None
